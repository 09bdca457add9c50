import { invalid, isRecord, type Validated } from "../../templates/validation";
import { ID_RULE, isId } from "../http/identifiers";
import { parseAmount } from "../money/amount";
import type { Currency } from "../money/currencies";
import { parseScaled } from "../money/parse";
import {
  HUNDRED_PERCENT,
  PERCENT_DECIMALS,
  PROMOTION_KINDS,
  type Promotion,
  type PromotionKind,
  type PromotionTarget,
  TARGET_TYPES,
} from "./promotion";
import { validateRounding } from "./rounding";

const FIELDS = [
  "name",
  "kind",
  "value",
  "target",
  "minOrderValue",
  "startsAt",
  "endsAt",
  "rounding",
  "enabled",
];
const MAX_NAME = 80;
const MAX_CATEGORY = 100;
// Year 9999: later than any real promotion, small enough to stay exact.
const MAX_TIME = 253_402_300_799_999;

/**
 * Checks a promotion sent to the admin API. Amounts are decimal strings in
 * the site's currency ("2.50"), percentages decimal strings ("12.5"); the
 * first problem found is answered, naming its field.
 */
export function validatePromotion(
  id: string,
  input: unknown,
  currency: Currency,
): Validated<Promotion> {
  if (!isRecord(input)) return invalid("body", "must be a promotion object");
  const extra = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (extra) return invalid(extra, "is not a field of a promotion");

  const { name, enabled = true } = input;
  if (typeof name !== "string" || name.trim().length < 1 || name.length > MAX_NAME) {
    return invalid("name", `must be 1 to ${MAX_NAME} characters`);
  }
  const kind = PROMOTION_KINDS.find((known) => known === input.kind);
  if (!kind) return invalid("kind", `must be one of: ${PROMOTION_KINDS.join(", ")}`);
  const value = promotionValue(kind, input.value, currency);
  if (!value.ok) return value;
  const target = promotionTarget(input.target);
  if (!target.ok) return target;

  let minOrderValue: bigint | null = null;
  if (input.minOrderValue !== undefined && input.minOrderValue !== null) {
    const min = parseAmount(input.minOrderValue, "minOrderValue", currency);
    if (!min.ok) return min;
    minOrderValue = min.value;
  }
  const startsAt = time(input.startsAt, "startsAt");
  if (!startsAt.ok) return startsAt;
  const endsAt = time(input.endsAt, "endsAt");
  if (!endsAt.ok) return endsAt;
  if (
    startsAt.value !== null &&
    endsAt.value !== null &&
    endsAt.value <= startsAt.value
  ) {
    return invalid("endsAt", "must be later than startsAt");
  }

  let rounding: Promotion["rounding"] = null;
  if (input.rounding !== undefined && input.rounding !== null) {
    const checked = validateRounding(input.rounding, "rounding", currency, {
      scope: target.value.type !== "order",
    });
    if (!checked.ok) return checked;
    if (Object.keys(checked.value).length > 0) rounding = checked.value;
  }
  if (typeof enabled !== "boolean") return invalid("enabled", "must be true or false");

  return {
    ok: true,
    value: {
      id,
      name: name.trim(),
      kind,
      value: value.value,
      currency: currency.code,
      target: target.value,
      minOrderValue,
      startsAt: startsAt.value,
      endsAt: endsAt.value,
      rounding,
      enabled,
    },
  };
}

function promotionValue(
  kind: PromotionKind,
  input: unknown,
  currency: Currency,
): Validated<bigint> {
  if (kind === "percent-off") {
    const percent = parseScaled(input, "value", {
      decimals: PERCENT_DECIMALS,
      what: "percentages",
      example: "12.5",
      max: HUNDRED_PERCENT,
    });
    if (percent.ok && percent.value === 0n) {
      return invalid("value", "must be more than 0 percent");
    }
    return percent;
  }
  const amount = parseAmount(input, "value", currency);
  if (kind === "amount-off" && amount.ok && amount.value === 0n) {
    return invalid("value", "must be more than 0");
  }
  return amount;
}

function promotionTarget(input: unknown): Validated<PromotionTarget> {
  if (!isRecord(input)) {
    return invalid(
      "target",
      'must be {"type": "product", "product": id}, {"type": "category", "category": name} or {"type": "order"}',
    );
  }
  const type = TARGET_TYPES.find((known) => known === input.type);
  if (!type) return invalid("target.type", `must be one of: ${TARGET_TYPES.join(", ")}`);
  const allowed = type === "order" ? ["type"] : ["type", type];
  const extra = Object.keys(input).find((key) => !allowed.includes(key));
  if (extra) return invalid(`target.${extra}`, `is not a field of the ${type} target`);

  if (type === "product") {
    if (!isId(input.product)) return invalid("target.product", ID_RULE);
    return { ok: true, value: { type, product: input.product } };
  }
  if (type === "category") {
    const category = input.category;
    if (
      typeof category !== "string" ||
      category.length < 1 ||
      category.length > MAX_CATEGORY
    ) {
      return invalid(
        "target.category",
        `must be a name of 1 to ${MAX_CATEGORY} characters`,
      );
    }
    return { ok: true, value: { type, category } };
  }
  return { ok: true, value: { type } };
}

function time(input: unknown, field: string): Validated<number | null> {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (
    typeof input !== "number" ||
    !Number.isInteger(input) ||
    input < 0 ||
    input > MAX_TIME
  ) {
    return invalid(field, "must be a time in epoch milliseconds, or null");
  }
  return { ok: true, value: input };
}
