import { invalid, isRecord, type Validated } from "../../templates/validation";
import type { Operation } from "../contract";
import {
  INTEGRATION_KINDS,
  INTEGRATION_OPERATIONS,
  type IntegrationKind,
} from "./integration";

const MAX_NAME = 80;

export interface IntegrationInput {
  name: string;
  kind: IntegrationKind;
  operations: Operation[];
}

/** The body of a create (every field) or an update (`partial`: any of
 * name and operations; the kind is fixed at creation). */
export function validateIntegration(
  body: unknown,
  partial: false,
): Validated<IntegrationInput>;
export function validateIntegration(
  body: unknown,
  partial: true,
): Validated<Partial<IntegrationInput>>;
export function validateIntegration(
  body: unknown,
  partial: boolean,
): Validated<Partial<IntegrationInput>> {
  if (!isRecord(body)) return invalid("body", "must be an object");
  const fields = partial ? ["name", "operations"] : ["name", "kind", "operations"];
  const extra = Object.keys(body).find((key) => !fields.includes(key));
  if (extra) {
    return invalid(
      extra,
      partial && extra === "kind"
        ? "cannot change; create a new integration of the other kind"
        : "is not a field of an integration",
    );
  }

  const value: Partial<IntegrationInput> = {};
  if (!partial || body.name !== undefined) {
    const name = typeof body.name === "string" ? body.name.trim() : "";
    if (name.length < 1 || name.length > MAX_NAME) {
      return invalid("name", `must be 1 to ${MAX_NAME} characters`);
    }
    value.name = name;
  }
  if (!partial) {
    if (!INTEGRATION_KINDS.includes(body.kind as IntegrationKind)) {
      return invalid("kind", `must be one of: ${INTEGRATION_KINDS.join(", ")}`);
    }
    value.kind = body.kind as IntegrationKind;
  }
  if (!partial || body.operations !== undefined) {
    const checked = checkOperations(body.operations);
    if (!checked.ok) return checked;
    value.operations = checked.value;
  }
  return { ok: true, value };
}

function checkOperations(input: unknown): Validated<Operation[]> {
  if (!Array.isArray(input)) return invalid("operations", "must be a list");
  const chosen = new Set<Operation>();
  for (const [index, name] of input.entries()) {
    if (!INTEGRATION_OPERATIONS.includes(name as Operation)) {
      return invalid(
        `operations.${index}`,
        `must be one of: ${INTEGRATION_OPERATIONS.join(", ")}`,
      );
    }
    chosen.add(name as Operation);
  }
  // Stored in the API's own order, whatever order they were ticked in.
  return { ok: true, value: INTEGRATION_OPERATIONS.filter((name) => chosen.has(name)) };
}
