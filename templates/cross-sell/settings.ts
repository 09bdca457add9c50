import {
  color,
  integer,
  invalid,
  isRecord,
  onlyKnown,
  text,
  type Validated,
} from "../validation";

export const MAX_CROSS_SELL_ITEMS = 6;

/** Settings of a cross-sell pop-up, as the marketer edits them. */
export interface CrossSellSettings {
  /** Heading; plain text. */
  title: string;
  /** How many products to offer, 1 to 6. */
  count: number;
  /** Label of each product's add-to-cart button. */
  buttonText: string;
  /** Colour of the buttons, `#rrggbb`. */
  accentColor: string;
}

export const crossSellDefaults: CrossSellSettings = {
  title: "Goes well with your cart",
  count: 3,
  buttonText: "Add to cart",
  accentColor: "#1f6f5c",
};

/**
 * Checks cross-sell settings sent by the editor or the admin API. Missing
 * fields take their defaults; unknown fields are refused. `prefix` is
 * prepended to field names in errors.
 */
export function validateCrossSellSettings(
  input: unknown,
  prefix = "settings",
): Validated<CrossSellSettings> {
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const unknown = onlyKnown(input, crossSellDefaults, prefix);
  if (unknown) return unknown;
  const merged = { ...crossSellDefaults, ...input };
  const field = (name: string) => `${prefix}.${name}`;

  const title = text(merged.title, field("title"), 80);
  if (!title.ok) return title;
  const count = integer(merged.count, field("count"), 1, MAX_CROSS_SELL_ITEMS);
  if (!count.ok) return count;
  const buttonText = text(merged.buttonText, field("buttonText"), 40);
  if (!buttonText.ok) return buttonText;
  const accentColor = color(merged.accentColor, field("accentColor"));
  if (!accentColor.ok) return accentColor;

  return {
    ok: true,
    value: {
      title: title.value,
      count: count.value,
      buttonText: buttonText.value,
      accentColor: accentColor.value,
    },
  };
}
