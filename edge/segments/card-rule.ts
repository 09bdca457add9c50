import { invalid, type Validated } from "../../templates/validation";
import { type CardField, validateFieldValues } from "../customers/card-fields";

/** Has an active discount card whose custom field `field` equals `equals`
 * (e.g. a loyalty level of "gold"). */
export interface CardFieldRule {
  type: "discount_card_field";
  field: string;
  equals: string | number | boolean;
}

/**
 * Checks a card rule against the site's card fields at the time it is
 * written: the field must exist and `equals` must be a value a card could
 * hold in it. A field deleted or redefined later is not rechecked: the rule
 * then matches whatever the stored cards still hold under that name.
 */
export function checkCardRule(
  input: Record<string, unknown>,
  fields: CardField[],
): Validated<CardFieldRule> {
  const field = fields.find((each) => each.name === input.field);
  if (!field) {
    const known = fields.map((each) => each.name).join(", ");
    return invalid(
      "rule.field",
      known
        ? `must be one of the site's card fields: ${known}`
        : "must be one of the site's card fields, and the site has none; define one first (PUT /admin/card-fields/:name)",
    );
  }
  const equals = input.equals;
  if (equals === undefined || equals === null) {
    return invalid("rule.equals", "is required: the value the card field must hold");
  }
  // The same check a card's value gets on write, so the rule can only name
  // a value some card could hold.
  const checked = validateFieldValues({ [field.name]: equals }, [
    { ...field, required: false },
  ]);
  if (!checked.ok) return invalid("rule.equals", checked.message);
  return {
    ok: true,
    value: {
      type: "discount_card_field",
      field: field.name,
      equals: checked.value[field.name] as CardFieldRule["equals"],
    },
  };
}

/**
 * Members of a card rule: customers with an active card whose stored field
 * value equals the rule's. json_extract answers a JSON true/false as 1/0,
 * so a boolean is bound as 1/0. Field names are `[a-z][a-z0-9_]*`
 * (edge/customers/card-fields.ts), so the JSON path needs no quoting.
 */
export function cardRuleMembers(rule: CardFieldRule): {
  sql: string;
  args: (number | string)[];
} {
  const value = typeof rule.equals === "boolean" ? Number(rule.equals) : rule.equals;
  return {
    sql: `SELECT DISTINCT customer_id FROM discount_cards
          WHERE site_id = ?1 AND status = 'active' AND json_extract(fields, ?3) = ?4
            AND customer_id IN (SELECT id FROM customers WHERE site_id = ?1)`,
    args: [`$.${rule.field}`, value],
  };
}
