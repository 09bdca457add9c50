import type { SegmentRule } from "./types";

const days = (count: number) => (count === 1 ? "1 day" : `${count} days`);

/** A rule as a sentence, for the segments list. */
export function ruleText(rule: SegmentRule): string {
  switch (rule.type) {
    case "bought_within_days":
      return `Ordered in the last ${days(rule.days)}`;
    case "orders_at_least":
      return `${rule.orders} or more orders in the last ${days(rule.days)}`;
    case "inactive_for_days":
      return `No visit for ${days(rule.days)} or more`;
    case "discount_card_field":
      return `An active discount card with ${rule.field} = ${JSON.stringify(rule.equals)}`;
  }
}
