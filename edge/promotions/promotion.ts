import type { Rounding } from "./rounding";

/**
 * - `percent-off`: a percentage of the price (value: the percentage).
 * - `amount-off`: a fixed amount off (value: the amount; never more than
 *   the price, so nothing costs less than zero).
 * - `fixed-price`: the price becomes the value (when it is lower).
 */
export const PROMOTION_KINDS = ["percent-off", "amount-off", "fixed-price"] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/** What a promotion applies to. Product and category promotions apply to
 * each unit of the lines they match; an order promotion to the order's
 * total after those. */
export type PromotionTarget =
  | { type: "product"; product: string }
  | { type: "category"; category: string }
  | { type: "order" };

export const TARGET_TYPES = ["product", "category", "order"] as const;

/** Percentages keep 4 decimals ("12.3456"): the value is stored as
 * ten-thousandths of a percent, so 12.5 % is 125000. */
export const PERCENT_DECIMALS = 4;
/** 100 % as a stored percentage value. */
export const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_DECIMALS);

export interface Promotion {
  id: string;
  name: string;
  kind: PromotionKind;
  /** Ten-thousandths of a percent for `percent-off`; minor units of
   * `currency` for the others. */
  value: bigint;
  /** The site's currency when the promotion was saved; its amounts are in
   * it. A promotion of another currency is never applied. */
  currency: string;
  target: PromotionTarget;
  /** Applies only when the order's total before any promotion reaches it. */
  minOrderValue: bigint | null;
  /** Epoch milliseconds: live from startsAt (inclusive) to endsAt
   * (exclusive); null is open-ended. */
  startsAt: number | null;
  endsAt: number | null;
  /** Rounding settings that replace the site's for this promotion. */
  rounding: Partial<Rounding> | null;
  enabled: boolean;
}

/** Whether a promotion may apply to an order in `currency` at `now`. */
export function isLive(promotion: Promotion, currency: string, now: number): boolean {
  return (
    promotion.enabled &&
    promotion.currency === currency &&
    (promotion.startsAt === null || promotion.startsAt <= now) &&
    (promotion.endsAt === null || now < promotion.endsAt)
  );
}
