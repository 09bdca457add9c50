import type { PageType } from "../../edge/contract";
import { PAGE_TYPES } from "../../edge/contract";
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

export const ALGORITHMS = [
  "frequently-bought-together",
  "similar",
  "bestsellers",
  "recently-viewed",
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const LAYOUTS = ["grid", "carousel"] as const;
export type Layout = (typeof LAYOUTS)[number];

export const MAX_ITEMS = 12;

/** Settings of a recommendation widget, as the marketer edits them. */
export interface RecommendationSettings {
  /** Heading shown above the items; plain text. */
  title: string;
  algorithm: Algorithm;
  /** How many items to show, 1 to 12. */
  count: number;
  layout: Layout;
  /** How far back purchases count, in days (1 to 365). */
  windowDays: number;
  /** Page types the widget appears on; empty means every page. */
  pages: PageType[];
  /** Label of each item's link. */
  buttonText: string;
  /** Colour of the button, `#rrggbb`. */
  accentColor: string;
}

export const recommendationDefaults: RecommendationSettings = {
  title: "Frequently bought together",
  algorithm: "frequently-bought-together",
  count: 4,
  layout: "grid",
  windowDays: 30,
  pages: [],
  buttonText: "View",
  accentColor: "#1f6f5c",
};

/**
 * Checks settings sent by the editor or the admin API. Missing fields take
 * their defaults; unknown fields are refused so that a typo is not silently
 * ignored. `prefix` is prepended to field names in errors.
 */
export function validateRecommendationSettings(
  input: unknown,
  prefix = "settings",
): Validated<RecommendationSettings> {
  if (!isRecord(input)) return invalid(prefix, "must be an object");
  const unknown = onlyKnown(input, recommendationDefaults, prefix);
  if (unknown) return unknown;

  const merged = { ...recommendationDefaults, ...input };
  const title = text(merged.title, `${prefix}.title`, 80);
  if (!title.ok) return title;
  const algorithm = oneOf(merged.algorithm, `${prefix}.algorithm`, ALGORITHMS);
  if (!algorithm.ok) return algorithm;
  const count = integer(merged.count, `${prefix}.count`, 1, MAX_ITEMS);
  if (!count.ok) return count;
  const layout = oneOf(merged.layout, `${prefix}.layout`, LAYOUTS);
  if (!layout.ok) return layout;
  const windowDays = integer(merged.windowDays, `${prefix}.windowDays`, 1, 365);
  if (!windowDays.ok) return windowDays;
  const buttonText = text(merged.buttonText, `${prefix}.buttonText`, 24);
  if (!buttonText.ok) return buttonText;

  if (!Array.isArray(merged.pages)) {
    return invalid(`${prefix}.pages`, "must be a list of page types");
  }
  const pages: PageType[] = [];
  for (const [index, page] of merged.pages.entries()) {
    const checked = oneOf(page, `${prefix}.pages.${index}`, PAGE_TYPES);
    if (!checked.ok) return checked;
    if (!pages.includes(checked.value)) pages.push(checked.value);
  }

  const accentColor = color(merged.accentColor, `${prefix}.accentColor`);
  if (!accentColor.ok) return accentColor;

  return {
    ok: true,
    value: {
      title: title.value,
      algorithm: algorithm.value,
      count: count.value,
      layout: layout.value,
      windowDays: windowDays.value,
      pages,
      buttonText: buttonText.value,
      accentColor: accentColor.value,
    },
  };
}
