import type { ProductCard } from "../../edge/contract";
import type { PopupFrequency, PopupTargeting } from "./targeting";

/** The pop-up templates, in the order the editor's gallery shows them. */
export const POPUP_TEMPLATES = [
  "countdown",
  "social-proof",
  "upsell",
  "cross-sell",
] as const;
export type PopupTemplate = (typeof POPUP_TEMPLATES)[number];

/**
 * What the edge resolves for a pop-up on one page view, per template. The
 * runtime renders exactly this: a pop-up whose data the edge cannot give
 * (no upsell candidate, a count below the minimum, a timer that has run
 * out) is not sent at all.
 */
export interface PopupData {
  countdown: {
    /** When the timer reaches zero, epoch milliseconds (UTC by nature). */
    endsAt: number;
  };
  "social-proof": {
    /** Distinct people counted over the settings' window; never padded. */
    count: number;
  };
  upsell: { product: ProductCard };
  "cross-sell": { items: ProductCard[] };
}

/** What every pop-up template's component receives. */
export interface PopupProps<Settings, Data> {
  settings: Settings;
  data: Data;
  /** BCP 47 tag for numbers and prices, e.g. `en-US`. */
  locale: string;
  /** ISO 4217 code; prices are integer minor units of it. */
  currency: string;
  /** The current time, epoch ms, corrected for the shopper's clock being
   * wrong (the edge's clock is the reference). */
  now(): number;
  /** The shopper acted on the pop-up: followed its link or added a
   * product. The runtime records a conversion; links still navigate. */
  onConvert(): void;
  /** Closes the pop-up (its close button, Escape): give it to PopupDialog. */
  onClose(): void;
  /** Cross-sell's "add to cart": calls the merchant's registered hook. */
  onAddToCart?(product: ProductCard): void;
  /** A countdown reached zero: the runtime closes the pop-up. */
  onExpire?(): void;
}

/** A pop-up as a page answer carries it: ready to show once its trigger,
 * page rules and caps, which the runtime checks, allow it. Settings are
 * the template's (templates/popups.ts PopupSettings). */
export interface PopupPayload<T extends PopupTemplate = PopupTemplate> {
  id: string;
  template: T;
  settings: unknown;
  /** Everything but `segments`, which the edge has already applied. */
  targeting: Omit<PopupTargeting, "segments">;
  frequency: PopupFrequency;
  data: PopupData[T];
}

/**
 * The props of some template's component, whichever: each template has
 * its own settings and data, which the edge pairs with it, so the runtime
 * and the editor that mount "a pop-up" cannot name them.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; the pairing is checked where the edge builds the payload.
export type AnyPopupProps = PopupProps<any, any>;
