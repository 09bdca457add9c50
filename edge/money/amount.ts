import type { Validated } from "../../templates/validation";
import type { Currency } from "./currencies";
import { parseScaled } from "./parse";

/**
 * The largest single amount the API accepts, in minor units: 100,000,000.00
 * in a 2-decimal currency. A cart of 100 lines of 999 units at this price
 * still totals below 2^53, so every total is exact as a JSON number.
 */
export const MAX_AMOUNT_MINOR = 10_000_000_000n;

/** Reads an amount of `currency` written in units ("2.50") into minor units
 * (250n). Negative amounts are refused: prices, discounts and thresholds
 * are never below zero. */
export function parseAmount(
  value: unknown,
  field: string,
  currency: Currency,
): Validated<bigint> {
  return parseScaled(value, field, {
    decimals: currency.exponent,
    what: `${currency.code} amounts`,
    example: currency.exponent === 0 ? "1200" : `2.${"5".padEnd(currency.exponent, "0")}`,
    max: MAX_AMOUNT_MINOR,
  });
}
