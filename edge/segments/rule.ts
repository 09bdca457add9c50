import { invalid, isRecord, type Validated } from "../../templates/validation";
import { type CardField, listCardFields } from "../customers/card-fields";
import { type CardFieldRule, cardRuleMembers, checkCardRule } from "./card-rule";

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 365;

/**
 * What makes a customer a member, over the data the edge stores: order
 * lines, customers and discount cards.
 */
export type SegmentRule =
  /** Ordered at least once in the last `days` days. */
  | { type: "bought_within_days"; days: number }
  /** Placed at least `orders` orders in the last `days` days. */
  | { type: "orders_at_least"; orders: number; days: number }
  /** Not seen (no action of any kind) for `days` days or more. */
  | { type: "inactive_for_days"; days: number }
  /** Has an active discount card with a custom field equal to a value. */
  | CardFieldRule;

export const RULE_TYPES = [
  "bought_within_days",
  "orders_at_least",
  "inactive_for_days",
  "discount_card_field",
] as const;

/**
 * Checks a rule for a site, reading the site's card fields only for a card
 * rule, which is checked against them.
 */
export async function validateSiteRule(
  db: D1Database,
  siteId: string,
  input: unknown,
): Promise<Validated<SegmentRule>> {
  const cardFields =
    isRecord(input) && input.type === "discount_card_field"
      ? await listCardFields(db, siteId)
      : [];
  return validateRule(input, cardFields);
}

/** Checks a rule; `cardFields` are the site's, for a card rule. */
export function validateRule(
  input: unknown,
  cardFields: CardField[],
): Validated<SegmentRule> {
  if (!isRecord(input)) return invalid("rule", "must be an object with a type");
  const allowed: Record<string, string[]> = {
    bought_within_days: ["type", "days"],
    orders_at_least: ["type", "orders", "days"],
    inactive_for_days: ["type", "days"],
    discount_card_field: ["type", "field", "equals"],
  };
  const fields = allowed[input.type as string];
  if (!fields) return invalid("rule.type", `must be one of: ${RULE_TYPES.join(", ")}`);
  const extra = Object.keys(input).find((key) => !fields.includes(key));
  if (extra) return invalid(`rule.${extra}`, `is not a field of a ${input.type} rule`);
  if (input.type === "discount_card_field") return checkCardRule(input, cardFields);

  const days = input.days;
  if (!isWhole(days, 1, MAX_DAYS))
    return invalid("rule.days", `must be 1 to ${MAX_DAYS}`);
  if (input.type === "orders_at_least") {
    if (!isWhole(input.orders, 1, 1000)) {
      return invalid("rule.orders", "must be 1 to 1000");
    }
    return { ok: true, value: { type: "orders_at_least", orders: input.orders, days } };
  }
  return { ok: true, value: { type: input.type as "bought_within_days", days } };
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/**
 * SQL selecting the `customer_id` of each member at time `now`, with the
 * site as `?1` and the rule's values from `?3` on (`?2` is the caller's).
 * Members are always customers the site has stored.
 */
export function membersQuery(
  rule: SegmentRule,
  now: number,
): { sql: string; args: (number | string)[] } {
  if (rule.type === "discount_card_field") return cardRuleMembers(rule);
  const since = now - rule.days * DAY_MS;
  switch (rule.type) {
    case "bought_within_days":
      return {
        sql: `SELECT DISTINCT customer_id FROM order_lines
              WHERE site_id = ?1 AND at >= ?3 AND customer_id IS NOT NULL
                AND customer_id IN (SELECT id FROM customers WHERE site_id = ?1)`,
        args: [since],
      };
    case "orders_at_least":
      return {
        sql: `SELECT customer_id FROM order_lines
              WHERE site_id = ?1 AND at >= ?3 AND customer_id IS NOT NULL
                AND customer_id IN (SELECT id FROM customers WHERE site_id = ?1)
              GROUP BY customer_id HAVING count(DISTINCT order_id) >= ?4`,
        args: [since, rule.orders],
      };
    case "inactive_for_days":
      return {
        sql: "SELECT id AS customer_id FROM customers WHERE site_id = ?1 AND last_seen < ?3",
        args: [since],
      };
  }
}
