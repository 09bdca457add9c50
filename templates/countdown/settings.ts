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

export const COUNTDOWN_MODES = ["fixed", "evergreen"] as const;
export type CountdownMode = (typeof COUNTDOWN_MODES)[number];

/** An evergreen timer runs at most 30 days. */
export const MAX_DURATION_MINUTES = 43_200;

/** Settings of a countdown pop-up, as the marketer edits them. */
export interface CountdownSettings {
  /** Heading of the pop-up; plain text. */
  title: string;
  /** Sentence under the heading; plain text. */
  text: string;
  /** `fixed`: one deadline for everyone. `evergreen`: each visitor gets
   * `durationMinutes` from their first sight of it, remembered by the edge. */
  mode: CountdownMode;
  /** ISO 8601 date and time with its offset (`2026-12-24T18:00:00+01:00`
   * or `…Z`); required in `fixed` mode, may be empty in `evergreen`. */
  deadline: string;
  /** Length of an evergreen timer, 1 to 43,200 minutes. */
  durationMinutes: number;
  /** Label of the button; empty shows no button. */
  buttonText: string;
  /** Absolute http(s) URL the button opens; required with a button. */
  buttonUrl: string;
  /** Colour of the button and the digits, `#rrggbb`. */
  accentColor: string;
}

export const countdownDefaults: CountdownSettings = {
  title: "Hurry, the offer ends soon",
  text: "Free shipping on every order until the timer runs out.",
  mode: "evergreen",
  deadline: "",
  durationMinutes: 30,
  buttonText: "",
  buttonUrl: "",
  accentColor: "#c0392b",
};

// The date-time form ECMAScript's Date.parse is specified to read, with
// the offset made mandatory: without one it would mean the shopper's own
// time zone, a different instant for each of them.
const DEADLINE =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The instant `deadline` names, in epoch milliseconds, or undefined when it
 * is not an ISO 8601 date and time with an offset, or names no real day.
 */
export function deadlineInstant(deadline: string): number | undefined {
  const parts = DEADLINE.exec(deadline);
  if (!parts) return undefined;
  const [year, month, day] = [parts[1], parts[2], parts[3]].map(Number);
  // Date.UTC rolls 31 April over to 1 May; a real day survives the trip.
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  if (date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) return undefined;
  const instant = Date.parse(deadline);
  return Number.isNaN(instant) ? undefined : instant;
}

function absoluteUrl(value: string, field: string): Validated<string> {
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") {
      return { ok: true, value };
    }
  } catch {
    // Not a URL at all: the message below covers it.
  }
  return invalid(field, "must be an absolute http or https URL");
}

/**
 * Checks countdown settings sent by the editor or the admin API. Missing
 * fields take their defaults; unknown fields are refused. `prefix` is
 * prepended to field names in errors. A fixed deadline already past is
 * accepted: the edge then simply sends no countdown.
 */
export function validateCountdownSettings(
  input: unknown,
  prefix = "settings",
): Validated<CountdownSettings> {
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const unknown = onlyKnown(input, countdownDefaults, prefix);
  if (unknown) return unknown;
  const merged = { ...countdownDefaults, ...input };
  const field = (name: string) => `${prefix}.${name}`;

  const title = text(merged.title, field("title"), 80);
  if (!title.ok) return title;
  const body = text(merged.text, field("text"), 300, true);
  if (!body.ok) return body;
  const mode = oneOf(merged.mode, field("mode"), COUNTDOWN_MODES);
  if (!mode.ok) return mode;
  const deadline = text(merged.deadline, field("deadline"), 40, true);
  if (!deadline.ok) return deadline;
  if (mode.value === "fixed" && !deadline.value) {
    return invalid(field("deadline"), "is required when mode is fixed");
  }
  if (deadline.value && deadlineInstant(deadline.value) === undefined) {
    return invalid(
      field("deadline"),
      "must be a date and time with its offset, like 2026-12-24T18:00:00+01:00",
    );
  }
  const duration = integer(
    merged.durationMinutes,
    field("durationMinutes"),
    1,
    MAX_DURATION_MINUTES,
  );
  if (!duration.ok) return duration;
  const buttonText = text(merged.buttonText, field("buttonText"), 40, true);
  if (!buttonText.ok) return buttonText;
  const buttonUrl = text(merged.buttonUrl, field("buttonUrl"), 2000, true);
  if (!buttonUrl.ok) return buttonUrl;
  if (buttonText.value && !buttonUrl.value) {
    return invalid(field("buttonUrl"), "is required when buttonText is set");
  }
  if (buttonUrl.value) {
    const url = absoluteUrl(buttonUrl.value, field("buttonUrl"));
    if (!url.ok) return url;
  }
  const accentColor = color(merged.accentColor, field("accentColor"));
  if (!accentColor.ok) return accentColor;

  return {
    ok: true,
    value: {
      title: title.value,
      text: body.value,
      mode: mode.value,
      deadline: deadline.value,
      durationMinutes: duration.value,
      buttonText: buttonText.value,
      buttonUrl: buttonUrl.value,
      accentColor: accentColor.value,
    },
  };
}
