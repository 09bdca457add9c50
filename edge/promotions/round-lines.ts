import { apportion } from "../money/apportion";
import {
  compare,
  div,
  mul,
  type Rational,
  ratio,
  smaller,
  sub,
  sum,
} from "../money/rational";
import { roundToStep } from "../money/round";
import type { Rounding } from "./rounding";

/** A line discounted by one product or category promotion. */
export interface DiscountedLine {
  quantity: number;
  unitPrice: bigint;
  /** The promotion's exact discount on one unit. */
  unitDiscount: Rational;
}

/**
 * The values (in minor units) of the lines one promotion discounts, rounded
 * as its settings say. Rounding never makes anything dearer than it was
 * without the promotion: a unit, line or (scope `order`) group of lines
 * whose rounded price would be above its regular price keeps the regular
 * price, and the promotion takes nothing off it.
 */
export function roundLines(lines: DiscountedLine[], rounding: Rounding): bigint[] {
  const { mode, step } = rounding;
  const base = lines.map((line) => BigInt(line.quantity) * line.unitPrice);

  if (rounding.scope === "unit") {
    return lines.map((line) => {
      const unit = roundToStep(sub(ratio(line.unitPrice), line.unitDiscount), step, mode);
      return BigInt(line.quantity) * smaller(unit, line.unitPrice);
    });
  }
  const exact = lines.map((line) =>
    mul(ratio(BigInt(line.quantity)), sub(ratio(line.unitPrice), line.unitDiscount)),
  );
  if (rounding.scope === "line") {
    return exact.map((value, index) => {
      return smaller(roundToStep(value, step, mode), base[index] ?? 0n);
    });
  }
  return roundTogether(exact, base, rounding);
}

/**
 * Scope `order`: the lines' exact total is rounded once and spread back
 * over the lines by largest remainder. Rounding down lowers each line in
 * proportion to its value, so none goes below zero; rounding up takes back
 * part of each line's discount in proportion to that discount, so none goes
 * above its regular price.
 */
function roundTogether(exact: Rational[], base: bigint[], rounding: Rounding): bigint[] {
  const exactTotal = sum(exact);
  const regularTotal = base.reduce((a, b) => a + b, 0n);
  const rounded = roundToStep(exactTotal, rounding.step, rounding.mode);
  const total = smaller(rounded, regularTotal);
  const target = ratio(total);

  if (compare(target, exactTotal) < 0) {
    // Rounded down: each line gets total × value / exactTotal. exactTotal
    // is positive here, since total is at least zero.
    return apportion(
      total,
      exact.map((value) => mul(target, div(value, exactTotal))),
    );
  }
  // Rounded up (or exact): each line gets back part of its discount. Every
  // line was discounted, so the discounts add up to more than zero.
  const discounts = exact.map((value, index) => sub(ratio(base[index] ?? 0n), value));
  const given = sub(target, exactTotal);
  const discountTotal = sum(discounts);
  return apportion(
    total,
    exact.map((value, index) =>
      sum([value, mul(given, div(discounts[index] ?? ratio(0n), discountTotal))]),
    ),
  );
}
