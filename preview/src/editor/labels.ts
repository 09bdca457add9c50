import type { PageType } from "../../../edge/contract";
import {
  type Algorithm,
  type Layout,
  MAX_ITEMS,
} from "../../../templates/recommendations/settings";
import type { SettingName } from "./draft";

/**
 * Words for every setting and every allowed value. Typed by the template's
 * own names, so that a setting or value added to the template fails the
 * build here until the form shows it.
 */
export const SETTING_LABELS: Record<SettingName, { label: string; hint?: string }> = {
  title: { label: "Title", hint: "The heading above the items." },
  algorithm: { label: "Algorithm", hint: "How the items are chosen." },
  count: { label: "Item count", hint: `How many items to show, 1 to ${MAX_ITEMS}.` },
  layout: {
    label: "Layout",
    hint: "Both are one row, 360 px high; the carousel snaps and shows four at a time.",
  },
  windowDays: {
    label: "Purchase window (days)",
    hint: "How far back purchases count.",
  },
  pages: {
    label: "Pages",
    hint: "Page types the widget appears on; none ticked is every page.",
  },
  buttonText: { label: "Button text", hint: "The label of each item's link." },
  accentColor: {
    label: "Accent colour",
    hint: "The button's colour, as #rrggbb; its text turns black or white to stay readable.",
  },
};

export const ALGORITHM_LABELS: Record<Algorithm, string> = {
  "frequently-bought-together": "Frequently bought together",
  similar: "Similar: same aisle, best sellers first",
  bestsellers: "Bestsellers",
  "recently-viewed": "Recently viewed by this shopper",
};

export const LAYOUT_LABELS: Record<Layout, string> = {
  grid: "Grid",
  carousel: "Carousel",
};

export const PAGE_LABELS: Record<PageType, string> = {
  home: "Home",
  category: "Category",
  product: "Product",
  cart: "Cart",
  other: "Other",
};

export function optionsOf<T extends string>(labels: Record<T, string>) {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
