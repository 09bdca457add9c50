import { invalid, isRecord, type Validated } from "../../templates/validation";
import { OPERATIONS, type Operation } from "../contract";
import { ID_RULE, isId } from "../http/identifiers";
import type { ValidAction } from "./action";
import { MAX_ACTIONS_PER_BATCH, MAX_AGE_MS, MAX_DATA_BYTES, MAX_SKEW_MS } from "./limits";
import { checkOperationData } from "./operation-data";

// As short as 1 character, so that a shop's own order number can be the id.
export const ACTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ACTION_ID_RULE = "must be 1 to 64 letters, digits, '_' or '-'";
const MAX_CUSTOMER_LENGTH = 128;

export interface ValidBatch {
  /** Each id once, in the order sent. */
  actions: ValidAction[];
  /** Actions that repeated an id already earlier in the batch. */
  repeats: number;
}

/**
 * Validates a whole batch. The first invalid action fails the batch, so
 * nothing of an invalid request is stored; the error's field names the
 * action's index, so a client can drop that action and resend the rest.
 */
export function validateBatch(body: unknown, now: number): Validated<ValidBatch> {
  if (!isRecord(body)) return invalid("body", "must be an object with an actions list");
  const extra = Object.keys(body).find((key) => key !== "actions");
  if (extra) return invalid(extra, "is not a field of an operations request");
  const actions = body.actions;
  if (!Array.isArray(actions)) return invalid("actions", "must be a list");
  if (actions.length < 1 || actions.length > MAX_ACTIONS_PER_BATCH) {
    return invalid("actions", `must hold 1 to ${MAX_ACTIONS_PER_BATCH} actions`);
  }

  const result: ValidAction[] = [];
  const seen = new Set<string>();
  for (const [index, input] of actions.entries()) {
    const checked = validateAction(input, `actions.${index}`, now);
    if (!checked.ok) return checked;
    // The same id twice in one batch is one action sent twice.
    if (seen.has(checked.value.id)) continue;
    seen.add(checked.value.id);
    result.push(checked.value);
  }
  return {
    ok: true,
    value: { actions: result, repeats: actions.length - result.length },
  };
}

function validateAction(
  input: unknown,
  field: string,
  now: number,
): Validated<ValidAction> {
  if (!isRecord(input)) return invalid(field, "must be an object");
  const extra = Object.keys(input).find(
    (key) => !["id", "operation", "at", "device", "customer", "data"].includes(key),
  );
  if (extra) return invalid(`${field}.${extra}`, "is not a field of an action");

  const { id, operation, at, device, customer } = input;
  if (typeof id !== "string" || !ACTION_ID.test(id)) {
    return invalid(`${field}.id`, ACTION_ID_RULE);
  }
  if (typeof operation !== "string" || !OPERATIONS.includes(operation as Operation)) {
    return invalid(`${field}.operation`, `must be one of: ${OPERATIONS.join(", ")}`);
  }
  if (typeof at !== "number" || !Number.isInteger(at)) {
    return invalid(`${field}.at`, "must be a time in epoch milliseconds");
  }
  if (at < now - MAX_AGE_MS || at > now + MAX_SKEW_MS) {
    return invalid(
      `${field}.at`,
      "must lie within the last 30 days and at most 5 minutes ahead",
    );
  }
  if (device !== undefined && !isId(device)) return invalid(`${field}.device`, ID_RULE);
  if (
    customer !== undefined &&
    (typeof customer !== "string" ||
      customer.length < 1 ||
      customer.length > MAX_CUSTOMER_LENGTH)
  ) {
    return invalid(`${field}.customer`, `must be 1 to ${MAX_CUSTOMER_LENGTH} characters`);
  }
  if (operation === "AuthorizeCustomer" && customer === undefined) {
    return invalid(`${field}.customer`, "is required to authorize a customer");
  }

  const data = input.data ?? {};
  if (!isRecord(data)) return invalid(`${field}.data`, "must be an object");
  if (JSON.stringify(data).length > MAX_DATA_BYTES) {
    return invalid(`${field}.data`, `must be at most ${MAX_DATA_BYTES} bytes as JSON`);
  }
  const checked = checkOperationData(operation as Operation, data, `${field}.data`);
  if (!checked.ok) return checked;

  return {
    ok: true,
    value: {
      id,
      operation: operation as Operation,
      at,
      device: device ?? null,
      customer: customer ?? null,
      ...checked.value,
    },
  };
}
