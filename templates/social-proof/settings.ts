import {
  color,
  integer,
  invalid,
  isRecord,
  oneOf,
  onlyKnown,
  text,
  type Validated,
} from "../validation";

export const SOCIAL_PROOF_METRICS = ["bought", "viewed"] as const;
export type SocialProofMetric = (typeof SOCIAL_PROOF_METRICS)[number];

/** Settings of a social-proof pop-up, as the marketer edits them. */
export interface SocialProofSettings {
  /** Heading; may be empty, and the text then names the pop-up. */
  title: string;
  /** The sentence shown; `{count}` becomes the number of people and
   * `{hours}` the window, both formatted for the site's locale. */
  text: string;
  /** What the people did with the product in the window. */
  metric: SocialProofMetric;
  /** How far back people count, 1 to 168 hours. */
  windowHours: number;
  /** Below this many people the pop-up does not show (1 to 100,000). */
  minimum: number;
  /** Colour of the number, `#rrggbb`. */
  accentColor: string;
}

export const socialProofDefaults: SocialProofSettings = {
  title: "",
  text: "{count} people bought this in the last {hours} hours",
  metric: "bought",
  windowHours: 24,
  minimum: 3,
  accentColor: "#1f6f5c",
};

/** The placeholders `text` may hold. */
export const SOCIAL_PROOF_PLACEHOLDERS = ["{count}", "{hours}"] as const;

/**
 * Checks social-proof settings sent by the editor or the admin API. Missing
 * fields take their defaults; unknown fields are refused. `prefix` is
 * prepended to field names in errors.
 */
export function validateSocialProofSettings(
  input: unknown,
  prefix = "settings",
): Validated<SocialProofSettings> {
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const unknown = onlyKnown(input, socialProofDefaults, prefix);
  if (unknown) return unknown;
  const merged = { ...socialProofDefaults, ...input };
  const field = (name: string) => `${prefix}.${name}`;

  const title = text(merged.title, field("title"), 80, true);
  if (!title.ok) return title;
  const body = text(merged.text, field("text"), 200);
  if (!body.ok) return body;
  if (!body.value.includes("{count}")) {
    return invalid(field("text"), "must contain {count}, where the number goes");
  }
  // A misspelt placeholder would show to shoppers as typed.
  const stray = body.value
    .match(/\{\w*\}/g)
    ?.find((found) => !(SOCIAL_PROOF_PLACEHOLDERS as readonly string[]).includes(found));
  if (stray) {
    return invalid(field("text"), `has ${stray}; only {count} and {hours} are known`);
  }
  const metric = oneOf(merged.metric, field("metric"), SOCIAL_PROOF_METRICS);
  if (!metric.ok) return metric;
  const windowHours = integer(merged.windowHours, field("windowHours"), 1, 168);
  if (!windowHours.ok) return windowHours;
  const minimum = integer(merged.minimum, field("minimum"), 1, 100_000);
  if (!minimum.ok) return minimum;
  const accentColor = color(merged.accentColor, field("accentColor"));
  if (!accentColor.ok) return accentColor;

  return {
    ok: true,
    value: {
      title: title.value,
      text: body.value,
      metric: metric.value,
      windowHours: windowHours.value,
      minimum: minimum.value,
      accentColor: accentColor.value,
    },
  };
}
