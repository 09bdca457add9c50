/**
 * Property tests of money and rounding against an exact reference written
 * here, independently of edge/money: decimal digit strings, schoolbook
 * multiplication and long division, and rounding defined on the magnitude
 * with the sign put back (production rounds signed fractions by floor). The
 * reference uses no BigInt and no fractional arithmetic.
 *
 * The generator is seeded, so a failure names its seed and case and
 * reproduces exactly.
 */
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../edge/money/amount";
import { apportion } from "../../edge/money/apportion";
import { findCurrency } from "../../edge/money/currencies";
import { formatScaled } from "../../edge/money/format";
import { ratio } from "../../edge/money/rational";
import { type RoundingMode, roundToStep } from "../../edge/money/round";
import { discountOn } from "../../edge/promotions/discount";
import { priceCart } from "../../edge/promotions/price-cart";
import type { Promotion } from "../../edge/promotions/promotion";
import { roundLines } from "../../edge/promotions/round-lines";

const SEED = 20_260_501;
const CASES = 3_000;

// ---- the reference: non-negative integers as decimal digit strings ----

function norm(a: string): string {
  const trimmed = a.replace(/^0+/, "");
  return trimmed === "" ? "0" : trimmed;
}

function cmp(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function plus(a: string, b: string): string {
  let result = "";
  let carry = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const digit =
      Number(a[a.length - 1 - i] ?? "0") + Number(b[b.length - 1 - i] ?? "0") + carry;
    result = String(digit % 10) + result;
    carry = digit >= 10 ? 1 : 0;
  }
  return norm(carry ? `1${result}` : result);
}

/** a − b, for a ≥ b. */
function minus(a: string, b: string): string {
  let result = "";
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let digit = Number(a[a.length - 1 - i]) - Number(b[b.length - 1 - i] ?? "0") - borrow;
    borrow = digit < 0 ? 1 : 0;
    if (digit < 0) digit += 10;
    result = String(digit) + result;
  }
  return norm(result);
}

function times(a: string, b: string): string {
  const digits = new Array<number>(a.length + b.length).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const at = i + j + 1;
      const product = Number(a[i]) * Number(b[j]) + (digits[at] ?? 0);
      digits[at] = product % 10;
      digits[at - 1] = (digits[at - 1] ?? 0) + Math.floor(product / 10);
    }
  }
  return norm(digits.join(""));
}

/** Long division: [quotient, remainder] of a / b, b > 0. */
function divide(a: string, b: string): [string, string] {
  let quotient = "";
  let remainder = "0";
  for (const digit of a) {
    remainder = norm(remainder + digit);
    let q = 0;
    while (cmp(remainder, b) >= 0) {
      remainder = minus(remainder, b);
      q++;
    }
    quotient += String(q);
  }
  return [norm(quotient), remainder];
}

const pow10 = (n: number) => `1${"0".repeat(n)}`;

/** A signed exact value: sign and magnitude num/den, digit strings. */
interface Exact {
  negative: boolean;
  num: string;
  den: string;
}

/** Rounds to a multiple of `step` (minor units): nearest multiple, halves
 * as `mode` says, on the magnitude; then the sign goes back on. */
function referenceRound(value: Exact, step: string, mode: RoundingMode): Exact {
  const unit = times(value.den, step);
  const [q, r] = divide(value.num, unit);
  const half = cmp(times(r, "2"), unit);
  const even = Number(q[q.length - 1]) % 2 === 0;
  const up = half > 0 || (half === 0 && (mode === "half-up" || !even));
  const magnitude = times(up ? plus(q, "1") : q, step);
  return { negative: value.negative && magnitude !== "0", num: magnitude, den: "1" };
}

/** An integer number of minor units written in units: "1234", 2 → "12.34". */
function referenceFormat(value: Exact, exponent: number): string {
  const digits = value.num.padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${value.negative ? "-" : ""}${whole}${fraction}`;
}

// ---- the generator ----

function generator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(int(0, 9))).join("");
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { next, int, digits, pick };
}

const CURRENCIES = ["USD", "EUR", "CHF", "JPY", "KRW", "KWD", "BHD"] as const;
const MODES = ["half-up", "half-even"] as const;

function exponentOf(code: string): number {
  const currency = findCurrency(code);
  if (!currency) throw new Error(`unknown test currency ${code}`);
  return currency.exponent;
}

/** Steps in minor units: the usual ones and random ones. */
function randomStep(random: ReturnType<typeof generator>): string {
  return random.next() < 0.5
    ? random.pick(["1", "5", "10", "25", "50", "100", "1000"])
    : String(random.int(1, 10_000));
}

describe("reading amounts, against the reference", () => {
  it(`reads ${CASES} random decimals exactly or refuses the imprecise ones`, () => {
    const random = generator(SEED);
    for (let n = 0; n < CASES; n++) {
      const code = random.pick(CURRENCIES);
      const exponent = exponentOf(code);
      const whole = norm(random.digits(random.int(1, 7)));
      const fraction = random.digits(random.int(0, 5));
      const text = fraction ? `${whole}.${fraction}` : whole;
      const result = parseAmount(text, "price", { code, exponent });

      const extra = fraction.slice(exponent);
      const context = `seed ${SEED}, case ${n}: ${text} ${code}`;
      if (/[1-9]/.test(extra)) {
        expect(result.ok, context).toBe(false);
        continue;
      }
      const minor = norm(whole + fraction.slice(0, exponent).padEnd(exponent, "0"));
      expect(result, context).toEqual({ ok: true, value: BigInt(minor) });
    }
  });
});

describe("rounding, against the reference", () => {
  it(`rounds ${CASES} random signed amounts to random steps in both modes`, () => {
    const random = generator(SEED + 1);
    for (let n = 0; n < CASES; n++) {
      const code = random.pick(CURRENCIES);
      const exponent = exponentOf(code);
      const decimals = random.int(0, 7);
      // Many halves on purpose: a 5 after a short random part.
      const digits =
        random.next() < 0.4
          ? norm(`${random.digits(random.int(1, 8))}5${"0".repeat(random.int(0, 2))}`)
          : norm(random.digits(random.int(1, 12)));
      const negative = random.next() < 0.3 && digits !== "0";
      const step = randomStep(random);
      const mode = random.pick(MODES);

      // The amount is digits / 10^decimals units = digits·10^exponent /
      // 10^decimals minor units.
      const exact: Exact = {
        negative,
        num: times(digits, pow10(exponent)),
        den: pow10(decimals),
      };
      const expected = referenceFormat(referenceRound(exact, step, mode), exponent);
      const signed = BigInt(digits) * (negative ? -1n : 1n);
      const actual = roundToStep(
        ratio(signed * 10n ** BigInt(exponent), 10n ** BigInt(decimals)),
        BigInt(step),
        mode,
      );
      expect(
        formatScaled(actual, exponent),
        `seed ${SEED + 1}, case ${n}: ${negative ? "-" : ""}${digits}e-${decimals} ${code}, step ${step}, ${mode}`,
      ).toBe(expected);
    }
  });

  it(`prices ${CASES} random percentages off random prices, per unit and per line`, () => {
    const random = generator(SEED + 2);
    for (let n = 0; n < CASES; n++) {
      const price = norm(random.digits(random.int(1, 8)));
      const whole = String(random.int(0, 100));
      const fraction = whole === "100" ? "" : random.digits(random.int(0, 4));
      const percent = fraction ? `${whole}.${fraction}` : whole;
      // The percentage in ten-thousandths, as the reference reads it.
      const scaled = norm(whole + fraction.padEnd(4, "0"));
      if (scaled === "0") continue;
      const quantity = random.int(1, 999);
      const step = randomStep(random);
      const mode = random.pick(MODES);
      const scope = random.pick(["unit", "line"] as const);

      // price × (100 % − percent) / 100 %, exactly.
      const keep = minus(pow10(6), scaled);
      const unit: Exact = { negative: false, num: times(price, keep), den: pow10(6) };
      let expected: string;
      if (scope === "unit") {
        const rounded = referenceRound(unit, step, mode).num;
        expected = times(cmp(rounded, price) < 0 ? rounded : price, String(quantity));
      } else {
        const line = { ...unit, num: times(unit.num, String(quantity)) };
        const rounded = referenceRound(line, step, mode).num;
        const regular = times(price, String(quantity));
        expected = cmp(rounded, regular) < 0 ? rounded : regular;
      }

      const promotion = percentOff(BigInt(scaled));
      const [actual] = roundLines(
        [
          {
            quantity,
            unitPrice: BigInt(price),
            unitDiscount: discountOn(promotion, BigInt(price)),
          },
        ],
        { mode, step: BigInt(step), scope },
      );
      expect(
        String(actual),
        `seed ${SEED + 2}, case ${n}: ${quantity} × ${price} minus ${percent} %, ${scope}, step ${step}, ${mode}`,
      ).toBe(expected);
    }
  });

  it(`rounds ${CASES} random carts' order promotions once, lines adding up to the total`, () => {
    const random = generator(SEED + 3);
    for (let n = 0; n < CASES; n++) {
      const lines = Array.from({ length: random.int(1, 12) }, (_, index) => ({
        product: `p${index}`,
        category: "c",
        quantity: random.int(1, 20),
        unitPrice: BigInt(random.int(0, 100_000)),
      }));
      const scaled = String(random.int(1, 1_000_000));
      const step = randomStep(random);
      const mode = random.pick(MODES);
      const order = { ...percentOff(BigInt(scaled)), target: { type: "order" as const } };
      const cart = priceCart(lines, [order], {
        currency: "USD",
        now: 0,
        rounding: { mode, step: BigInt(step), scope: "unit" },
      });

      const subtotal = lines
        .map((line) => times(String(line.unitPrice), String(line.quantity)))
        .reduce(plus, "0");
      const exact: Exact = {
        negative: false,
        num: times(subtotal, minus(pow10(6), scaled)),
        den: pow10(6),
      };
      const rounded = referenceRound(exact, step, mode).num;
      const expected = cmp(rounded, subtotal) < 0 ? rounded : subtotal;
      const context = `seed ${SEED + 3}, case ${n}: ${subtotal} minus ${scaled}/10^4 %, step ${step}, ${mode}`;

      expect(String(cart.totals.final), context).toBe(expected);
      const sum = cart.lines.reduce((total, line) => total + line.final, 0n);
      expect(sum, context).toBe(cart.totals.final);
      for (const line of cart.lines) {
        const taken = line.discounts.reduce((total, d) => total + d.amount, 0n);
        expect(line.base - taken, context).toBe(line.final);
        expect(line.final >= 0n && line.final <= line.base, context).toBe(true);
      }
    }
  });
});

describe("a promotion rounded once over its lines, against the reference", () => {
  it(`rounds ${CASES} random groups of lines together and never above their price`, () => {
    const random = generator(SEED + 5);
    for (let n = 0; n < CASES; n++) {
      const lines = Array.from({ length: random.int(1, 8) }, () => ({
        quantity: random.int(1, 50),
        unitPrice: random.int(1, 100_000),
      }));
      const scaled = String(random.int(1, 1_000_000));
      const step = randomStep(random);
      const mode = random.pick(MODES);
      const promotion = percentOff(BigInt(scaled));
      const actual = roundLines(
        lines.map((line) => ({
          quantity: line.quantity,
          unitPrice: BigInt(line.unitPrice),
          unitDiscount: discountOn(promotion, BigInt(line.unitPrice)),
        })),
        { mode, step: BigInt(step), scope: "order" },
      );

      const regular = lines.map((line) =>
        times(String(line.unitPrice), String(line.quantity)),
      );
      const regularTotal = regular.reduce(plus, "0");
      const exact: Exact = {
        negative: false,
        num: times(regularTotal, minus(pow10(6), scaled)),
        den: pow10(6),
      };
      const rounded = referenceRound(exact, step, mode).num;
      const expected = cmp(rounded, regularTotal) < 0 ? rounded : regularTotal;
      const context = `seed ${SEED + 5}, case ${n}: ${regularTotal} minus ${scaled}/10^4 %, step ${step}, ${mode}`;

      expect(String(actual.reduce((a, b) => a + b, 0n)), context).toBe(expected);
      actual.forEach((value, index) => {
        expect(
          value >= 0n && cmp(String(value), regular[index] ?? "0") <= 0,
          context,
        ).toBe(true);
      });
    }
  });
});

describe("apportioning, against a greedy reference", () => {
  it(`splits ${CASES} random totals like handing out units one at a time`, () => {
    const random = generator(SEED + 4);
    for (let n = 0; n < CASES; n++) {
      const weights = Array.from({ length: random.int(1, 10) }, () =>
        random.int(0, 1_000),
      );
      const weightTotal = weights.reduce((a, b) => a + b, 0);
      if (weightTotal === 0) continue;
      const total = random.int(0, 100_000);
      const quotas = weights.map((w) => ratio(BigInt(total * w), BigInt(weightTotal)));
      const actual = apportion(BigInt(total), quotas);

      // The reference: everyone gets the whole part of total·w/W; then, one
      // unit at a time, the unit goes to whoever is furthest below their
      // quota, the earliest on a tie. Compared as total·w − W·given.
      const given = weights.map(
        (w) => (total * w - ((total * w) % weightTotal)) / weightTotal,
      );
      let left = total - given.reduce((a, b) => a + b, 0);
      while (left > 0) {
        let chosen = 0;
        let widest = -Infinity;
        weights.forEach((w, index) => {
          const shortfall = total * w - weightTotal * (given[index] ?? 0);
          if (shortfall > widest) {
            widest = shortfall;
            chosen = index;
          }
        });
        given[chosen] = (given[chosen] ?? 0) + 1;
        left--;
      }
      expect(
        actual.map(Number),
        `seed ${SEED + 4}, case ${n}: ${total} by ${weights}`,
      ).toEqual(given);
    }
  });
});

function percentOff(value: bigint): Promotion {
  return {
    id: "percent",
    name: "Percent off",
    kind: "percent-off",
    value,
    currency: "USD",
    target: { type: "category", category: "c" },
    minOrderValue: null,
    startsAt: null,
    endsAt: null,
    rounding: null,
    enabled: true,
  };
}
