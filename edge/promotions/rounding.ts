import { invalid, isRecord, type Validated } from "../../templates/validation";
import { MAX_AMOUNT_MINOR } from "../money/amount";
import type { Currency } from "../money/currencies";
import { formatScaled } from "../money/format";
import { parseScaled } from "../money/parse";
import { ROUNDING_MODES, type RoundingMode } from "../money/round";

/**
 * Where a promotion's prices are rounded:
 * - `unit`: each discounted unit price; a line is quantity × that price, so
 *   "3 × 1.80 = 5.40" holds on the receipt.
 * - `line`: each discounted line (quantity × exact unit price) once.
 * - `order`: once, on the total of the lines the promotion discounts (for
 *   an order-level promotion: the order total), then spread over those
 *   lines. Fewest roundings, so the total is closest to the exact one.
 */
export const ROUNDING_SCOPES = ["unit", "line", "order"] as const;
export type RoundingScope = (typeof ROUNDING_SCOPES)[number];

export interface Rounding {
  mode: RoundingMode;
  /** The step in minor units: 1 rounds to the minor unit, 5 to 0.05 (in a
   * 2-decimal currency), 1000 to 10.00. */
  step: bigint;
  scope: RoundingScope;
}

/**
 * A site that never chose gets half-up, to one minor unit, per unit price.
 * Half-up because it is what shoppers and most sellers learnt at school and
 * expect at the till (the issue that asked for this feature is about
 * banker's rounding surprising people); a site that prefers half-even's
 * lack of drift chooses it. Per unit price because that is the price the
 * shopper sees on the shelf and the product page. One minor unit because
 * a coarser step changes prices, which a seller should decide, not us.
 */
export const DEFAULT_ROUNDING: Rounding = { mode: "half-up", step: 1n, scope: "unit" };

/** The settings of one promotion: the site's, with what the promotion
 * overrides. */
export function mergeRounding(site: Rounding, override: Partial<Rounding> | null) {
  return { ...site, ...override };
}

/** Rounding settings as the API shows them: the step in units of the
 * currency ("0.05"), as the merchant wrote it. */
export function roundingView(rounding: Partial<Rounding>, currency: Currency) {
  return {
    ...rounding,
    ...(rounding.step === undefined
      ? {}
      : { step: formatScaled(rounding.step, currency.exponent) }),
  };
}

/** Rounding settings stored as JSON: the step in minor units, as a number. */
export function roundingToJson(rounding: Partial<Rounding>): string {
  return JSON.stringify({
    ...rounding,
    ...(rounding.step === undefined ? {} : { step: Number(rounding.step) }),
  });
}

export function roundingFromJson(json: string): Partial<Rounding> {
  const stored = JSON.parse(json) as {
    mode?: RoundingMode;
    step?: number;
    scope?: RoundingScope;
  };
  return {
    ...(stored.mode ? { mode: stored.mode } : {}),
    ...(stored.step ? { step: BigInt(stored.step) } : {}),
    ...(stored.scope ? { scope: stored.scope } : {}),
  };
}

/**
 * Checks rounding settings sent to the admin API: `{mode, step, scope}`,
 * each optional (a site's missing settings take the defaults; a
 * promotion's, the site's). The step is written in units of the currency
 * and must be a whole number of minor units: "0.05" is fine in USD, not in
 * JPY.
 */
export function validateRounding(
  input: unknown,
  field: string,
  currency: Currency,
  options: { scope: boolean } = { scope: true },
): Validated<Partial<Rounding>> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (!isRecord(input))
    return invalid(field || "body", "must be an object of {mode, step, scope}");
  const extra = Object.keys(input).find(
    (key) => !["mode", "step", "scope"].includes(key),
  );
  if (extra)
    return invalid(at(extra), "is not a rounding setting; use mode, step or scope");

  const result: Partial<Rounding> = {};
  if (input.mode !== undefined) {
    const mode = ROUNDING_MODES.find((known) => known === input.mode);
    if (!mode) return invalid(at("mode"), `must be one of: ${ROUNDING_MODES.join(", ")}`);
    result.mode = mode;
  }
  if (input.step !== undefined) {
    const step = parseScaled(input.step, at("step"), {
      decimals: currency.exponent,
      what: `${currency.code} amounts`,
      example: currency.exponent === 0 ? "10" : "0.05",
      max: MAX_AMOUNT_MINOR,
    });
    if (!step.ok) return step;
    if (step.value < 1n) {
      return invalid(
        at("step"),
        `must be at least one minor unit of ${currency.code} (${formatScaled(1n, currency.exponent)})`,
      );
    }
    result.step = step.value;
  }
  if (input.scope !== undefined) {
    if (!options.scope) {
      return invalid(
        at("scope"),
        "cannot be set on an order promotion: it always rounds the order total",
      );
    }
    const scope = ROUNDING_SCOPES.find((known) => known === input.scope);
    if (!scope)
      return invalid(at("scope"), `must be one of: ${ROUNDING_SCOPES.join(", ")}`);
    result.scope = scope;
  }
  return { ok: true, value: result };
}
