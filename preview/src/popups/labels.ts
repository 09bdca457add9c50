import type { PageType } from "../../../edge/contract";
import type { CountdownMode } from "../../../templates/countdown/settings";
import type { PopupTemplate } from "../../../templates/popup/contract";
import type { RULE_MATCHES } from "../../../templates/popup/page-rules";
import type { CAPS, DeviceType, TRIGGERS } from "../../../templates/popup/targeting";
import type { PopupSettings } from "../../../templates/popups";
import type { SocialProofMetric } from "../../../templates/social-proof/settings";

/**
 * Words for the pop-up templates and every choice of the form. Typed by
 * the templates' own names, so that a template, setting or value added
 * there fails the build here until the editor shows it.
 */
export const TEMPLATE_LABELS: Record<
  PopupTemplate,
  { label: string; description: string }
> = {
  countdown: {
    label: "Countdown timer",
    description: "A deadline ticking down, for an offer that really ends.",
  },
  "social-proof": {
    label: "Social proof",
    description: "How many people bought or viewed this product lately.",
  },
  upsell: {
    label: "Upsell",
    description: "A better product, for a little more than the one viewed.",
  },
  "cross-sell": {
    label: "Cross-sell",
    description: "Products that go with the cart, each with an add-to-cart button.",
  },
};

type Labels<K extends string> = Record<K, { label: string; hint?: string }>;

/** Every setting of every template, by template. */
export const SETTING_LABELS: {
  [T in PopupTemplate]: Labels<keyof PopupSettings[T] & string>;
} = {
  countdown: {
    title: { label: "Title" },
    text: { label: "Text", hint: "The sentence under the title; may be empty." },
    mode: { label: "Timer" },
    deadline: {
      label: "Deadline",
      hint: "Date and time with its offset, like 2026-12-24T18:00:00+01:00.",
    },
    durationMinutes: {
      label: "Duration (minutes)",
      hint: "From each visitor's first sight of it, 1 to 43,200 (30 days).",
    },
    buttonText: { label: "Button text", hint: "Empty shows no button." },
    buttonUrl: { label: "Button link", hint: "An absolute http(s) address." },
    accentColor: { label: "Accent colour", hint: "Button and digits, as #rrggbb." },
  },
  "social-proof": {
    title: { label: "Title", hint: "May be empty: the sentence then names the pop-up." },
    text: {
      label: "Text",
      hint: "{count} becomes the number of people, {hours} the window.",
    },
    metric: { label: "People who" },
    windowHours: {
      label: "Window (hours)",
      hint: "How far back people count, 1 to 168.",
    },
    minimum: {
      label: "Minimum",
      hint: "Below this many people the pop-up does not show.",
    },
    accentColor: { label: "Accent colour", hint: "The number's colour, as #rrggbb." },
  },
  upsell: {
    title: { label: "Title" },
    text: { label: "Text", hint: "The sentence above the product; may be empty." },
    minIncreasePercent: {
      label: "Price at least (+%)",
      hint: "The alternative costs at least this much more, 0 to 500 %.",
    },
    maxIncreasePercent: {
      label: "Price at most (+%)",
      hint: "…and at most this much more, up to 1,000 %.",
    },
    buttonText: { label: "Button text" },
    accentColor: { label: "Accent colour", hint: "The button's colour, as #rrggbb." },
  },
  "cross-sell": {
    title: { label: "Title" },
    count: { label: "Product count", hint: "How many products to offer, 1 to 6." },
    buttonText: { label: "Button text", hint: "Each product's add-to-cart button." },
    accentColor: { label: "Accent colour", hint: "The buttons' colour, as #rrggbb." },
  },
};

export const MODE_LABELS: Record<CountdownMode, string> = {
  evergreen: "Evergreen: each visitor gets the same duration",
  fixed: "Fixed: one deadline for everyone",
};

export const METRIC_LABELS: Record<SocialProofMetric, string> = {
  bought: "bought the product",
  viewed: "viewed the product",
};

export const TRIGGER_LABELS: Record<(typeof TRIGGERS)[number], string> = {
  load: "When the page loads, after a delay",
  scroll: "When the visitor scrolls down the page",
  exit: "When the pointer leaves the window (desktop only)",
  "add-to-cart": "When something is added to the cart",
};

export const MATCH_LABELS: Record<(typeof RULE_MATCHES)[number], string> = {
  contains: "contains",
  equals: "equals",
  matches: "matches (* for anything)",
};

export const PAGE_TYPE_LABELS: Record<PageType, string> = {
  home: "Home",
  category: "Category",
  product: "Product",
  cart: "Cart",
  other: "Other",
};

export const DEVICE_LABELS: Record<DeviceType, string> = {
  desktop: "Desktop",
  mobile: "Mobile",
};

export const CAP_LABELS: Record<(typeof CAPS)[number], string> = {
  session: "Once per browser session",
  days: "Once every few days",
  "page-view": "On every page view",
};

export function optionsOf<K extends string>(labels: Record<K, string>) {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({
    value,
    label,
  }));
}
