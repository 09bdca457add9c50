import type { Validated } from "../../templates/validation";
import { invalid } from "../../templates/validation";
import { formatScaled } from "./format";

/** What a decimal field accepts, for reading it and for saying what went
 * wrong. */
export interface DecimalRule {
  /** Decimals kept: the value is returned as an integer times 10^decimals. */
  decimals: number;
  /** The kind of value, for messages: "USD amounts", "percentages". */
  what: string;
  /** An example of a valid value, for messages. */
  example: string;
  negative?: boolean;
  /** The largest value, scaled. */
  max?: bigint;
}

// Long enough for any amount Vitrine accepts, short enough that no one can
// make the edge build a BigInt of a million digits.
const MAX_LENGTH = 40;
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal written as a JSON string into an exact integer scaled by
 * 10^decimals: "2.675" with 3 decimals is 2675, exactly, never the binary
 * float 2.67499…
 *
 * Only strings are read. A JSON number with a fraction has already been
 * turned into a binary float by JSON.parse before any code sees it, and a
 * bare integer is easily meant as minor units (199 for 1.99) by one caller
 * and as units by another; a string in units says exactly one thing.
 *
 * Extra decimals are accepted when they are zeros ("2.500" is 2.50 in USD):
 * the value is exact, only its writing is long. Leading zeros are harmless
 * and accepted. A sign other than "-", spaces, digit grouping, exponents,
 * "NaN" and "Infinity" are refused with a message naming the field.
 */
export function parseScaled(
  value: unknown,
  field: string,
  rule: DecimalRule,
): Validated<bigint> {
  if (typeof value === "number") {
    return invalid(
      field,
      `must be a decimal string such as "${rule.example}", not a JSON number: numbers can lose digits on the way and are easily mistaken for minor units`,
    );
  }
  if (typeof value !== "string") {
    return invalid(field, `must be a decimal string such as "${rule.example}"`);
  }
  if (value.trim() === "") {
    return invalid(field, `must not be empty; write a decimal such as "${rule.example}"`);
  }
  if (value.length > MAX_LENGTH) {
    return invalid(field, `must be at most ${MAX_LENGTH} characters`);
  }
  if (/^[-+]?[\d.]+[eE][-+]?\d+$/.test(value)) {
    return invalid(
      field,
      `must be written out without an exponent ("1e3" is "1000"), such as "${rule.example}"`,
    );
  }

  const match = PLAIN.exec(value);
  if (!match) {
    return invalid(
      field,
      `must be a plain decimal such as "${rule.example}": digits, optionally "." and more digits; no "+", spaces, grouping or exponent`,
    );
  }
  const [, sign = "", whole = "", fraction = ""] = match;
  const negative = sign === "-";
  if (negative && !rule.negative && /[1-9]/.test(whole + fraction)) {
    return invalid(field, "must not be negative");
  }

  const kept = fraction.slice(0, rule.decimals);
  if (/[1-9]/.test(fraction.slice(rule.decimals))) {
    const count = fraction.replace(/0+$/, "").length;
    const allowed =
      rule.decimals === 0 ? "are whole numbers" : `have at most ${rule.decimals}`;
    return invalid(
      field,
      `has ${count} decimal${count === 1 ? "" : "s"}, but ${rule.what} ${allowed}`,
    );
  }

  const magnitude = BigInt(whole + kept.padEnd(rule.decimals, "0"));
  const scaled = negative ? -magnitude : magnitude;
  if (rule.max !== undefined && scaled > rule.max) {
    return invalid(field, `must be at most ${formatScaled(rule.max, rule.decimals)}`);
  }
  return { ok: true, value: scaled };
}
