import { max, min, type Rational, ratio } from "../money/rational";
import { HUNDRED_PERCENT, type Promotion } from "./promotion";

/**
 * The exact discount a promotion gives on `amount` minor units: one unit's
 * price for product and category promotions, the order's total for order
 * promotions. Never negative and never more than the amount. Exact: 12.5 %
 * of 199 is 24.875, not rounded here (rounding happens once, later).
 */
export function discountOn(promotion: Promotion, amount: bigint): Rational {
  const price = ratio(amount);
  const value = ratio(promotion.value);
  switch (promotion.kind) {
    case "percent-off":
      return ratio(amount * promotion.value, HUNDRED_PERCENT);
    case "amount-off":
      return min(value, price);
    case "fixed-price":
      return max(ratio(0n), ratio(amount - promotion.value));
  }
}

/** Whether a product or category promotion applies to a cart line. */
export function matches(
  promotion: Promotion,
  line: { product: string; category: string },
): boolean {
  const target = promotion.target;
  if (target.type === "product") return target.product === line.product;
  if (target.type === "category") return target.category === line.category;
  return false;
}
