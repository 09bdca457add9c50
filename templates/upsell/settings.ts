import {
  color,
  integer,
  invalid,
  isRecord,
  onlyKnown,
  text,
  type Validated,
} from "../validation";

/** Settings of an upsell pop-up, as the marketer edits them. */
export interface UpsellSettings {
  /** Heading; plain text. */
  title: string;
  /** Sentence above the product; may be empty. */
  text: string;
  /** The alternative costs at least this much more, 0 to 500 %. */
  minIncreasePercent: number;
  /** …and at most this much more: from the minimum to 1,000 %. */
  maxIncreasePercent: number;
  /** Label of the button that opens the product. */
  buttonText: string;
  /** Colour of the button, `#rrggbb`. */
  accentColor: string;
}

export const upsellDefaults: UpsellSettings = {
  title: "You might prefer this one",
  text: "A step up, for a little more.",
  minIncreasePercent: 10,
  maxIncreasePercent: 50,
  buttonText: "View product",
  accentColor: "#1f6f5c",
};

/**
 * Checks upsell settings sent by the editor or the admin API. Missing
 * fields take their defaults; unknown fields are refused. `prefix` is
 * prepended to field names in errors.
 */
export function validateUpsellSettings(
  input: unknown,
  prefix = "settings",
): Validated<UpsellSettings> {
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const unknown = onlyKnown(input, upsellDefaults, prefix);
  if (unknown) return unknown;
  const merged = { ...upsellDefaults, ...input };
  const field = (name: string) => `${prefix}.${name}`;

  const title = text(merged.title, field("title"), 80);
  if (!title.ok) return title;
  const body = text(merged.text, field("text"), 300, true);
  if (!body.ok) return body;
  const min = integer(merged.minIncreasePercent, field("minIncreasePercent"), 0, 500);
  if (!min.ok) return min;
  const max = integer(
    merged.maxIncreasePercent,
    field("maxIncreasePercent"),
    min.value,
    1000,
  );
  if (!max.ok) return max;
  const buttonText = text(merged.buttonText, field("buttonText"), 40);
  if (!buttonText.ok) return buttonText;
  const accentColor = color(merged.accentColor, field("accentColor"));
  if (!accentColor.ok) return accentColor;

  return {
    ok: true,
    value: {
      title: title.value,
      text: body.value,
      minIncreasePercent: min.value,
      maxIncreasePercent: max.value,
      buttonText: buttonText.value,
      accentColor: accentColor.value,
    },
  };
}
