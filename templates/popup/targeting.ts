import { PAGE_TYPES, type PageType } from "../../edge/contract";
import { invalid, isRecord, type Validated } from "../validation";
import { type PageRule, RULE_MATCHES } from "./page-rules";

export type { PageRule };

export const TRIGGERS = ["load", "scroll", "exit", "add-to-cart"] as const;
export const DEVICE_TYPES = ["desktop", "mobile"] as const;
export const CAPS = ["session", "days", "page-view"] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Where, when and to whom a pop-up shows. */
export interface PopupTargeting {
  /** All must hold; none means every URL. */
  pages: PageRule[];
  /** None means every page type. */
  pageTypes: PageType[];
  /** `load` waits `delaySeconds`; `scroll` waits for `scrollPercent` of
   * the page; `exit` for the pointer leaving through the top of the
   * window (desktop only); `add-to-cart` for the cart growing. */
  trigger: (typeof TRIGGERS)[number];
  delaySeconds: number;
  scrollPercent: number;
  /** None means every device. */
  devices: DeviceType[];
  /** The customer is in at least one of these segments; none means anyone,
   * known or not. */
  segments: string[];
}

/** How often one visitor may see a pop-up. At most one pop-up shows per
 * page view, whatever these say. */
export interface PopupFrequency {
  /** Once per browser session, once every `days`, or once per page view. */
  cap: (typeof CAPS)[number];
  days: number;
  /** Never again once the visitor acted on it. */
  stopAfterConversion: boolean;
  /** Never again after this many closes; 0 means no limit. */
  maxCloses: number;
}

export const targetingDefaults: PopupTargeting = {
  pages: [],
  pageTypes: [],
  trigger: "load",
  delaySeconds: 3,
  scrollPercent: 50,
  devices: [],
  segments: [],
};

export const frequencyDefaults: PopupFrequency = {
  cap: "session",
  days: 7,
  stopAfterConversion: true,
  maxCloses: 2,
};

const MAX_RULES = 10;
const MAX_RULE_LENGTH = 200;

function list<T>(
  value: unknown,
  field: string,
  max: number,
  check: (item: unknown, at: string) => Validated<T>,
): Validated<T[]> {
  if (!Array.isArray(value)) return invalid(field, "must be a list");
  if (value.length > max) return invalid(field, `must hold at most ${max} entries`);
  const result: T[] = [];
  for (const [index, item] of value.entries()) {
    const checked = check(item, `${field}.${index}`);
    if (!checked.ok) return checked;
    result.push(checked.value);
  }
  return { ok: true, value: result };
}

function choice<T extends string>(
  allowed: readonly T[],
): (value: unknown, field: string) => Validated<T> {
  return (value, field) =>
    typeof value === "string" && (allowed as readonly string[]).includes(value)
      ? { ok: true, value: value as T }
      : invalid(field, `must be one of: ${allowed.join(", ")}`);
}

function whole(
  value: unknown,
  field: string,
  min: number,
  max: number,
): Validated<number> {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    return invalid(field, `must be a whole number from ${min} to ${max}`);
  }
  return { ok: true, value };
}

function only(input: Record<string, unknown>, field: string, known: object) {
  const extra = Object.keys(input).find((key) => !Object.hasOwn(known, key));
  return extra ? invalid(`${field}.${extra}`, "is not a known setting") : undefined;
}

function pageRule(value: unknown, field: string): Validated<PageRule> {
  if (!isRecord(value)) return invalid(field, "must be an object");
  const extra = only(value, field, { match: 0, negate: 0, value: 0 });
  if (extra) return extra;
  const match = choice(RULE_MATCHES)(value.match, `${field}.match`);
  if (!match.ok) return match;
  const negate = value.negate ?? false;
  if (typeof negate !== "boolean")
    return invalid(`${field}.negate`, "must be true or false");
  const text = typeof value.value === "string" ? value.value.trim() : undefined;
  if (!text || text.length > MAX_RULE_LENGTH) {
    return invalid(
      `${field}.value`,
      `must be text of 1 to ${MAX_RULE_LENGTH} characters`,
    );
  }
  return { ok: true, value: { match: match.value, negate, value: text } };
}

function segmentId(value: unknown, field: string): Validated<string> {
  return typeof value === "string" && /^[\w-]{1,64}$/.test(value)
    ? { ok: true, value }
    : invalid(field, "must be a segment id (letters, digits, _ or -, at most 64)");
}

/** Checks targeting from the editor or the admin API; missing fields take
 * their defaults, unknown ones are refused. */
export function validateTargeting(
  input: unknown,
  prefix = "targeting",
): Validated<PopupTargeting> {
  if (input === undefined) return { ok: true, value: targetingDefaults };
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const extra = only(input, prefix, targetingDefaults);
  if (extra) return extra;
  const merged = { ...targetingDefaults, ...input };
  const pages = list(merged.pages, `${prefix}.pages`, MAX_RULES, pageRule);
  if (!pages.ok) return pages;
  const pageTypes = list(merged.pageTypes, `${prefix}.pageTypes`, 5, choice(PAGE_TYPES));
  if (!pageTypes.ok) return pageTypes;
  const trigger = choice(TRIGGERS)(merged.trigger, `${prefix}.trigger`);
  if (!trigger.ok) return trigger;
  const delaySeconds = whole(merged.delaySeconds, `${prefix}.delaySeconds`, 0, 600);
  if (!delaySeconds.ok) return delaySeconds;
  const scrollPercent = whole(merged.scrollPercent, `${prefix}.scrollPercent`, 1, 100);
  if (!scrollPercent.ok) return scrollPercent;
  const devices = list(merged.devices, `${prefix}.devices`, 2, choice(DEVICE_TYPES));
  if (!devices.ok) return devices;
  const segments = list(merged.segments, `${prefix}.segments`, 20, segmentId);
  if (!segments.ok) return segments;
  return {
    ok: true,
    value: {
      pages: pages.value,
      pageTypes: [...new Set(pageTypes.value)],
      trigger: trigger.value,
      delaySeconds: delaySeconds.value,
      scrollPercent: scrollPercent.value,
      devices: [...new Set(devices.value)],
      segments: [...new Set(segments.value)],
    },
  };
}

/** Checks frequency caps; missing fields take their defaults. */
export function validateFrequency(
  input: unknown,
  prefix = "frequency",
): Validated<PopupFrequency> {
  if (input === undefined) return { ok: true, value: frequencyDefaults };
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const extra = only(input, prefix, frequencyDefaults);
  if (extra) return extra;
  const merged = { ...frequencyDefaults, ...input };
  const cap = choice(CAPS)(merged.cap, `${prefix}.cap`);
  if (!cap.ok) return cap;
  const days = whole(merged.days, `${prefix}.days`, 1, 365);
  if (!days.ok) return days;
  if (typeof merged.stopAfterConversion !== "boolean") {
    return invalid(`${prefix}.stopAfterConversion`, "must be true or false");
  }
  const maxCloses = whole(merged.maxCloses, `${prefix}.maxCloses`, 0, 100);
  if (!maxCloses.ok) return maxCloses;
  return {
    ok: true,
    value: {
      cap: cap.value,
      days: days.value,
      stopAfterConversion: merged.stopAfterConversion,
      maxCloses: maxCloses.value,
    },
  };
}
