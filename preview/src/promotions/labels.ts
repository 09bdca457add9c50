import type { PromotionKind, RoundingMode, RoundingScope } from "./types";

export const KIND_LABELS: Record<PromotionKind, string> = {
  "percent-off": "Percent off",
  "amount-off": "Amount off",
  "fixed-price": "Fixed price",
};

export const TARGET_LABELS = {
  product: "One product",
  category: "A category",
  order: "The whole order",
} as const;

export const MODE_LABELS: Record<RoundingMode, string> = {
  "half-up": "Half-up",
  "half-even": "Half-even",
};

/** One sentence each; what half-up does below zero is said, as the README
 * and edge/money/round.ts define it. */
export const MODE_DESCRIPTIONS: Record<RoundingMode, string> = {
  "half-up":
    "A price exactly halfway between two steps goes to the one farther from zero: 4.5 becomes 5, and a negative amount goes down to the same size, −2.5 becoming −3.",
  "half-even":
    "A price exactly halfway goes to the even step (banker's rounding): 4.5 becomes 4 and 3.5 becomes 4, so over many prices the roundings cancel out.",
};

export const SCOPE_LABELS: Record<RoundingScope, string> = {
  unit: "Each unit price",
  line: "Each line",
  order: "Once per promotion",
};

export const SCOPE_DESCRIPTIONS: Record<RoundingScope, string> = {
  unit: "Rounds the discounted price of one unit, so a line is quantity × a round price, as on the shelf label.",
  line: "Rounds each discounted line once: quantity × the exact unit price.",
  order:
    "Rounds the total of the lines a promotion discounts once, then spreads it over them; order promotions always round this way.",
};

export function optionsWith<T extends string>(
  labels: Record<T, string>,
  descriptions: Record<T, string>,
) {
  return (Object.keys(labels) as T[]).map((value) => ({
    value,
    label: labels[value],
    description: descriptions[value],
  }));
}
