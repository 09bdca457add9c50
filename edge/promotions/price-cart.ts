import { apportion } from "../money/apportion";
import { compare, type Rational, ratio, smaller, sub } from "../money/rational";
import { roundToStep } from "../money/round";
import { discountOn, matches } from "./discount";
import { isLive, type Promotion } from "./promotion";
import { roundLines } from "./round-lines";
import { mergeRounding, type Rounding } from "./rounding";

export interface CartLine {
  product: string;
  category: string;
  quantity: number;
  /** The product's stored price, minor units. */
  unitPrice: bigint;
}

export interface LineDiscount {
  promotion: string;
  amount: bigint;
}

export interface PricedLine {
  product: string;
  quantity: number;
  unitPrice: bigint;
  /** quantity × unitPrice. */
  base: bigint;
  /** What each promotion took off this line, after rounding. */
  discounts: LineDiscount[];
  /** base minus the discounts. */
  final: bigint;
}

export interface AppliedPromotion {
  promotion: Promotion;
  /** What it took off the whole cart, after rounding. */
  amount: bigint;
  rounding: Rounding;
}

export interface PricedCart {
  lines: PricedLine[];
  promotions: AppliedPromotion[];
  totals: { base: bigint; discount: bigint; final: bigint };
}

export interface PricingContext {
  currency: string;
  now: number;
  /** The site's rounding settings. */
  rounding: Rounding;
}

/**
 * Prices a cart with the site's promotions.
 *
 * 1. Only promotions that are enabled, live at `now`, in the cart's currency
 *    and whose minimum order value the cart reaches (before any discount)
 *    take part.
 * 2. Each line gets at most one product or category promotion: the one with
 *    the largest exact discount on its unit price (ties: the promotion
 *    whose id sorts first). Promotions do not stack on a line, so a shopper
 *    never gets 20 % and then 10 % more without the seller asking.
 * 3. Each promotion rounds the lines it discounted with its own settings
 *    (the site's, with its overrides): see roundLines.
 * 4. Then at most one order promotion: the one with the largest exact
 *    discount on the total of step 3 (same tie rule). The new total is
 *    rounded once with its settings (never above the total without it) and
 *    spread over all lines in proportion to their values, by largest
 *    remainder (see apportion), so the lines add up to the total exactly.
 */
export function priceCart(
  lines: CartLine[],
  promotions: Promotion[],
  context: PricingContext,
): PricedCart {
  const base = lines.map((line) => BigInt(line.quantity) * line.unitPrice);
  const baseTotal = base.reduce((a, b) => a + b, 0n);
  const live = promotions.filter(
    (promotion) =>
      isLive(promotion, context.currency, context.now) &&
      (promotion.minOrderValue === null || baseTotal >= promotion.minOrderValue),
  );

  // Steps 2 and 3: product and category promotions, grouped by promotion.
  const groups = new Map<string, { promotion: Promotion; indexes: number[] }>();
  for (const [index, line] of lines.entries()) {
    const promotion = best(
      live.filter((candidate) => matches(candidate, line)),
      (candidate) => discountOn(candidate, line.unitPrice),
    );
    if (!promotion) continue;
    const group = groups.get(promotion.id) ?? { promotion, indexes: [] };
    group.indexes.push(index);
    groups.set(promotion.id, group);
  }
  const afterItems = [...base];
  const applied: AppliedPromotion[] = [];
  for (const { promotion, indexes } of groups.values()) {
    const rounding = mergeRounding(context.rounding, promotion.rounding);
    const values = roundLines(
      indexes.map((index) => {
        const line = lines[index] as CartLine;
        return { ...line, unitDiscount: discountOn(promotion, line.unitPrice) };
      }),
      rounding,
    );
    indexes.forEach((index, position) => {
      afterItems[index] = values[position] ?? 0n;
    });
    applied.push({ promotion, rounding, amount: 0n });
  }

  // Step 4: one order promotion.
  const subtotal = afterItems.reduce((a, b) => a + b, 0n);
  const orderPromotion = best(
    live.filter((candidate) => candidate.target.type === "order"),
    (candidate) => discountOn(candidate, subtotal),
  );
  let finals = afterItems;
  if (orderPromotion) {
    // An order promotion always rounds the order total, whatever the
    // site's scope for line promotions.
    const rounding: Rounding = {
      ...mergeRounding(context.rounding, orderPromotion.rounding),
      scope: "order",
    };
    const exact = sub(ratio(subtotal), discountOn(orderPromotion, subtotal));
    const rounded = roundToStep(exact, rounding.step, rounding.mode);
    const total = smaller(rounded, subtotal);
    finals = apportion(
      total,
      afterItems.map((value) => ratio(total * value, subtotal)),
    );
    applied.push({ promotion: orderPromotion, rounding, amount: 0n });
  }

  const priced = lines.map((line, index): PricedLine => {
    const regular = base[index] ?? 0n;
    const afterItem = afterItems[index] ?? 0n;
    const final = finals[index] ?? 0n;
    const discounts: LineDiscount[] = [];
    const itemPromotion = [...groups.values()].find((group) =>
      group.indexes.includes(index),
    )?.promotion;
    if (itemPromotion && regular > afterItem) {
      discounts.push({ promotion: itemPromotion.id, amount: regular - afterItem });
    }
    if (orderPromotion && afterItem > final) {
      discounts.push({ promotion: orderPromotion.id, amount: afterItem - final });
    }
    return {
      product: line.product,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      base: regular,
      discounts,
      final,
    };
  });

  for (const entry of applied) {
    for (const line of priced) {
      for (const discount of line.discounts) {
        if (discount.promotion === entry.promotion.id) entry.amount += discount.amount;
      }
    }
  }
  const finalTotal = finals.reduce((a, b) => a + b, 0n);
  return {
    lines: priced,
    promotions: applied.filter((entry) => entry.amount > 0n),
    totals: { base: baseTotal, discount: baseTotal - finalTotal, final: finalTotal },
  };
}

/** The candidate with the largest positive discount; ties go to the id
 * that sorts first. Null when none gives anything. */
function best(
  candidates: Promotion[],
  discount: (promotion: Promotion) => Rational,
): Promotion | null {
  let chosen: { promotion: Promotion; discount: Rational } | null = null;
  for (const promotion of candidates) {
    const amount = discount(promotion);
    if (compare(amount, ratio(0n)) <= 0) continue;
    const order = chosen ? compare(amount, chosen.discount) : 1;
    if (order > 0 || (order === 0 && chosen && promotion.id < chosen.promotion.id)) {
      chosen = { promotion, discount: amount };
    }
  }
  return chosen?.promotion ?? null;
}
