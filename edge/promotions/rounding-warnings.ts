import type { Currency } from "../money/currencies";
import { formatScaled } from "../money/format";
import type { PricedCart } from "./price-cart";
import type { Promotion } from "./promotion";

/**
 * Warnings about a rounding step too coarse for the prices it rounds. A
 * step of 10 is right for yen or for big tickets, so nothing here refuses
 * it; it says, in words, what it does to cheap products (3 × 1.99 priced at
 * 0.00), so that the merchant sees it before shoppers do.
 */

/** A line of the example whose price rounding moves by more than half. */
export interface LineWarning {
  product: string;
  /** The line with its promotions, rounded only to the minor unit. */
  unrounded: number;
  /** The line as the step being tried prices it. */
  rounded: number;
  message: string;
}

/**
 * The promotions with every step set to one minor unit, so that pricing a
 * cart with them gives its lines "unrounded": exact to the minor unit,
 * which is as exact as an answer in minor units can be.
 *
 * Known shortcoming: an order promotion is chosen on the subtotal after
 * rounding, so in a rare cart the unrounded pricing picks another one.
 */
export function unroundedPromotions(promotions: Promotion[]): Promotion[] {
  return promotions.map((promotion) => ({
    ...promotion,
    rounding: { ...promotion.rounding, step: 1n },
  }));
}

/**
 * The lines whose rounded price is more than half of their unrounded price
 * away from it, a non-zero price made zero included. Lines are matched by
 * position: both pricings are of the same cart. The step a message names is
 * the coarsest of the promotions that discounted the line (one may round
 * with its own), else the site's.
 */
export function lineWarnings(
  rounded: PricedCart,
  unrounded: PricedCart,
  siteStep: bigint,
  currency: Currency,
): LineWarning[] {
  const amount = (value: bigint) => formatScaled(value, currency.exponent);
  const warnings: LineWarning[] = [];
  for (const [index, line] of rounded.lines.entries()) {
    const exact = unrounded.lines[index]?.final ?? line.final;
    const moved = line.final > exact ? line.final - exact : exact - line.final;
    if (exact <= 0n || 2n * moved <= exact) continue;
    const step =
      line.discounts.reduce((coarsest, discount) => {
        const applied = rounded.promotions.find(
          (each) => each.promotion.id === discount.promotion,
        );
        return applied && applied.rounding.step > coarsest
          ? applied.rounding.step
          : coarsest;
      }, 0n) || siteStep;
    const message =
      line.final === 0n
        ? `Rounding to ${amount(step)} makes this line free.`
        : `Rounding to ${amount(step)} moves this line from ${amount(exact)} to ${amount(line.final)}, more than half its price.`;
    warnings.push({
      product: line.product,
      unrounded: Number(exact),
      rounded: Number(line.final),
      message,
    });
  }
  return warnings;
}

/**
 * The warning for a site step larger than its cheapest product's price
 * (none when the site has no products yet, or the step is not larger).
 */
export function stepWarnings(
  step: bigint,
  cheapest: bigint | null,
  currency: Currency,
): string[] {
  if (cheapest === null || step <= cheapest) return [];
  const amount = (value: bigint) => formatScaled(value, currency.exponent);
  return [
    `A step of ${amount(step)} is larger than your cheapest product (${amount(cheapest)}): rounding each unit price to it can make products free or double their price.`,
  ];
}
