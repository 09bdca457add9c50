import { ApiError } from "../http/errors";
import type { Currency } from "../money/currencies";
import type { PricedCart } from "./price-cart";
import { roundingView } from "./rounding";

/** A bigint amount as a JSON number. Inputs are bounded (see
 * MAX_AMOUNT_MINOR) so that this holds; a stored price far beyond them
 * is refused rather than answered inexactly. */
function exact(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ApiError(
      400,
      "cart_too_large",
      "items add up to more than can be priced exactly; split the cart.",
      "items",
    );
  }
  return Number(value);
}

/**
 * The answer of CalculateCart. Amounts are integer minor units, like every
 * price the API returns; `exponent` says where the decimal point goes.
 * Per line, base − Σ discounts = final; over the cart, Σ final = totals.final.
 */
export function cartView(cart: PricedCart, currency: Currency) {
  return {
    currency: currency.code,
    exponent: currency.exponent,
    lines: cart.lines.map((line) => ({
      product: line.product,
      quantity: line.quantity,
      unitPrice: exact(line.unitPrice),
      base: exact(line.base),
      discounts: line.discounts.map((discount) => ({
        promotion: discount.promotion,
        amount: exact(discount.amount),
      })),
      final: exact(line.final),
    })),
    promotions: cart.promotions.map(({ promotion, amount, rounding }) => ({
      id: promotion.id,
      name: promotion.name,
      kind: promotion.kind,
      target: promotion.target,
      amount: exact(amount),
      rounding: roundingView(rounding, currency),
    })),
    totals: {
      base: exact(cart.totals.base),
      discount: exact(cart.totals.discount),
      final: exact(cart.totals.final),
    },
  };
}

export type CartView = ReturnType<typeof cartView>;
