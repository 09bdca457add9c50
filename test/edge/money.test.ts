import { describe, expect, it } from "vitest";
import { parseAmount } from "../../edge/money/amount";
import { apportion } from "../../edge/money/apportion";
import { type Currency, findCurrency } from "../../edge/money/currencies";
import { formatScaled, formatTrimmed } from "../../edge/money/format";
import { type Rational, ratio } from "../../edge/money/rational";
import { type RoundingMode, roundToStep } from "../../edge/money/round";

function currency(code: string): Currency {
  const found = findCurrency(code);
  if (!found) throw new Error(`test currency ${code} unknown`);
  return found;
}

/** A decimal written in units ("2.675") as exact minor units of `exponent`
 * (267.5 cents), whatever its number of decimals. */
function minorUnits(text: string, exponent: number): Rational {
  const [whole = "", fraction = ""] = text.replace("-", "").split(".");
  const digits = BigInt(whole + fraction) * (text.startsWith("-") ? -1n : 1n);
  return ratio(digits * 10n ** BigInt(exponent), 10n ** BigInt(fraction.length));
}

function rounded(amount: string, code: string, step: string, mode: RoundingMode) {
  const { exponent } = currency(code);
  const stepMinor = minorUnits(step, exponent);
  const result = roundToStep(
    minorUnits(amount, exponent),
    stepMinor.num / stepMinor.den,
    mode,
  );
  return formatScaled(result, exponent);
}

describe("rounding to a step", () => {
  // amount, currency, step, half-up, half-even
  it.each([
    ["3.5", "JPY", "1", "4", "4"],
    ["4.5", "JPY", "1", "5", "4"],
    ["-2.5", "JPY", "1", "-3", "-2"],
    ["-3.5", "JPY", "1", "-4", "-4"],
    ["-2.4", "JPY", "1", "-2", "-2"],
    ["-2.6", "JPY", "1", "-3", "-3"],
    ["2.675", "USD", "0.01", "2.68", "2.68"],
    ["2.665", "USD", "0.01", "2.67", "2.66"],
    ["1.005", "USD", "0.01", "1.01", "1.00"],
    ["-1.005", "USD", "0.01", "-1.01", "-1.00"],
    ["1.0049999", "USD", "0.01", "1.00", "1.00"],
    ["1.025", "USD", "0.05", "1.05", "1.00"],
    ["1.075", "USD", "0.05", "1.10", "1.10"],
    ["1.024", "USD", "0.05", "1.00", "1.00"],
    ["1.026", "USD", "0.05", "1.05", "1.05"],
    ["15", "USD", "10", "20.00", "20.00"],
    ["25", "USD", "10", "30.00", "20.00"],
    ["-25", "USD", "10", "-30.00", "-20.00"],
    ["24.99", "USD", "10", "20.00", "20.00"],
    ["1234.5", "JPY", "1", "1235", "1234"],
    ["1250", "JPY", "100", "1300", "1200"],
    ["1350", "JPY", "100", "1400", "1400"],
    ["1.0005", "KWD", "0.001", "1.001", "1.000"],
    ["1.0015", "KWD", "0.001", "1.002", "1.002"],
    ["0.0025", "KWD", "0.005", "0.005", "0.000"],
    ["7.0075", "BHD", "0.005", "7.010", "7.010"],
    ["0", "USD", "0.05", "0.00", "0.00"],
  ])("%s %s to %s: half-up %s, half-even %s", (amount, code, step, up, even) => {
    expect(rounded(amount, code, step, "half-up")).toBe(up);
    expect(rounded(amount, code, step, "half-even")).toBe(even);
  });

  it("is symmetric: rounding −x gives −(rounding x)", () => {
    for (const mode of ["half-up", "half-even"] as const) {
      for (const amount of ["0.5", "1.5", "2.5", "2.675", "1.005", "12.345"]) {
        const positive = rounded(amount, "USD", "0.01", mode);
        expect(rounded(`-${amount}`, "USD", "0.01", mode)).toBe(`-${positive}`);
      }
    }
  });

  // Percentages of prices are exact fractions, rounded once at the end.
  it.each([
    ["1.99", "12.5", "0.01", "1.74", "1.74"], // 1.74125
    ["2.50", "15", "0.01", "2.13", "2.12"], // 2.125
    ["4.30", "50", "0.01", "2.15", "2.15"], // 2.15 exactly
    ["3.30", "25", "0.05", "2.50", "2.50"], // 2.475 → 49.5 steps
    ["0.70", "50", "0.05", "0.35", "0.35"],
    ["0.90", "50", "0.10", "0.50", "0.40"], // 0.45 → 4.5 steps
  ])(
    "%s minus %s %% to %s: half-up %s, half-even %s",
    (price, percent, step, up, even) => {
      const cents = minorUnits(price, 2);
      const share = minorUnits(percent, 0);
      const after: Rational = ratio(
        cents.num * (100n * share.den - share.num),
        cents.den * 100n * share.den,
      );
      const stepMinor = minorUnits(step, 2);
      const stepCents = stepMinor.num / stepMinor.den;
      expect(formatScaled(roundToStep(after, stepCents, "half-up"), 2)).toBe(up);
      expect(formatScaled(roundToStep(after, stepCents, "half-even"), 2)).toBe(even);
    },
  );

  it("refuses a step below one minor unit", () => {
    expect(() => roundToStep(ratio(5n), 0n, "half-up")).toThrow(RangeError);
  });
});

describe("currencies", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["CHF", 2],
    ["SEK", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["KWD", 3],
    ["BHD", 3],
  ])("knows %s has %i decimals", (code, exponent) => {
    expect(findCurrency(code)).toEqual({ code, exponent });
  });

  it.each(["XYZ", "usd", "", "US", "constructor", "__proto__", "toString"])(
    "does not know %j",
    (code) => {
      expect(findCurrency(code)).toBeNull();
    },
  );
});

describe("reading amounts", () => {
  it.each([
    ["2.50", "USD", 250n],
    ["2.5", "USD", 250n],
    ["2", "USD", 200n],
    ["2.500", "USD", 250n],
    ["0", "USD", 0n],
    ["007.10", "USD", 710n],
    ["2.675", "KWD", 2675n],
    ["1200", "JPY", 1200n],
    ["1200.00", "JPY", 1200n],
    ["100000000.00", "USD", 10_000_000_000n],
  ])("reads %j in %s as %s minor units, exactly", (text, code, minor) => {
    expect(parseAmount(text, "price", currency(code))).toEqual({
      ok: true,
      value: minor,
    });
  });

  it.each([
    ["2.675", "USD", "has 3 decimals, but USD amounts have at most 2"],
    ["1.5", "JPY", "has 1 decimal, but JPY amounts are whole numbers"],
    ["1.0005", "KWD", "has 4 decimals, but KWD amounts have at most 3"],
    ["1e3", "USD", 'without an exponent ("1e3" is "1000")'],
    ["2.5E-1", "USD", "without an exponent"],
    ["", "USD", "must not be empty"],
    ["  ", "USD", "must not be empty"],
    ["NaN", "USD", "must be a plain decimal"],
    ["Infinity", "USD", "must be a plain decimal"],
    ["abc", "USD", "must be a plain decimal"],
    ["1,50", "USD", "must be a plain decimal"],
    ["1 000", "USD", "must be a plain decimal"],
    ["+1", "USD", "must be a plain decimal"],
    [".5", "USD", "must be a plain decimal"],
    ["1.", "USD", "must be a plain decimal"],
    [" 1", "USD", "must be a plain decimal"],
    ["0x10", "USD", "must be a plain decimal"],
    ["-1", "USD", "must not be negative"],
    ["-0.01", "USD", "must not be negative"],
    ["100000000.01", "USD", "must be at most 100000000.00"],
    ["1".repeat(41), "USD", "must be at most 40 characters"],
  ])("refuses %j in %s: %s", (text, code, message) => {
    const result = parseAmount(text, "items.0.price", currency(code));
    expect(result).toMatchObject({ ok: false, field: "items.0.price" });
    if (!result.ok) expect(result.message).toContain(message);
  });

  it.each([
    [2.5, "not a JSON number"],
    [250, "not a JSON number"],
    [null, 'must be a decimal string such as "2.50"'],
    [true, 'must be a decimal string such as "2.50"'],
    [["2.50"], 'must be a decimal string such as "2.50"'],
  ])("refuses the JSON value %j: %s", (value, message) => {
    const result = parseAmount(value, "value", currency("USD"));
    expect(result).toMatchObject({ ok: false, field: "value" });
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("writes amounts back the way it reads them", () => {
    expect(formatScaled(250n, 2)).toBe("2.50");
    expect(formatScaled(-5n, 2)).toBe("-0.05");
    expect(formatScaled(1234n, 0)).toBe("1234");
    expect(formatScaled(7n, 3)).toBe("0.007");
    expect(formatTrimmed(125000n, 4)).toBe("12.5");
    expect(formatTrimmed(100n * 10_000n, 4)).toBe("100");
  });
});

describe("apportioning a total by largest remainder", () => {
  const quotas = (...values: [bigint, bigint][]) => values.map(([n, d]) => ratio(n, d));

  it("gives the leftover unit to the largest remainder", () => {
    // 10 split 1:2:3 is 1.666…, 3.333…, 5
    expect(apportion(10n, quotas([10n, 6n], [20n, 6n], [30n, 6n]))).toEqual([2n, 3n, 5n]);
  });

  it("breaks ties in favour of the earlier share", () => {
    expect(apportion(100n, quotas([100n, 3n], [100n, 3n], [100n, 3n]))).toEqual([
      34n,
      33n,
      33n,
    ]);
    expect(apportion(2n, quotas([2n, 3n], [2n, 3n], [2n, 3n]))).toEqual([1n, 1n, 0n]);
  });

  it("leaves whole quotas untouched", () => {
    expect(apportion(9n, quotas([4n, 1n], [9n, 2n], [1n, 2n]))).toEqual([4n, 5n, 0n]);
  });

  it("refuses quotas that do not add up to the total", () => {
    expect(() => apportion(10n, quotas([3n, 1n], [3n, 1n]))).toThrow(RangeError);
  });
});
