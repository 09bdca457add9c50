import type { ProductCard } from "../../../edge/contract";
import { deadlineInstant } from "../../../templates/countdown/settings";
import type { PopupData, PopupTemplate } from "../../../templates/popup/contract";
import type { PopupSettings } from "../../../templates/popups";

/** What the preview stands in for the edge's per-visitor data with. */
export interface SampleContext {
  /** The site's products, best sellers first (`GET /admin/products`). */
  products: ProductCard[];
  /** When the sample was taken, epoch ms. */
  now: number;
}

/** The number social proof shows in the preview: made up, since the real
 * one counts the visitors of one product, and never below the minimum,
 * under which the shop would not show the pop-up at all. */
export const SAMPLE_COUNT = 27;

/**
 * Data like the edge's for one page view (templates/popup/contract.ts
 * PopupData), from the draft's settings: a countdown ends at the fixed
 * deadline or `durationMinutes` from now; social proof counts a sample
 * number; upsell offers the second best seller, cross-sell the best ones.
 * Undefined when the shop could not show the pop-up either: no product to
 * offer.
 *
 * Known limit: the upsell is not chosen by its price range as the edge
 * chooses it (edge/popups/upsell-product.ts); the preview shows how the
 * pop-up looks, not which product a given page would get.
 */
export function sampleData<T extends PopupTemplate>(
  template: T,
  settings: PopupSettings[T],
  context: SampleContext,
): PopupData[T] | undefined {
  return sample(template, settings, context) as PopupData[T] | undefined;
}

function sample(
  template: PopupTemplate,
  settings: PopupSettings[PopupTemplate],
  { products, now }: SampleContext,
): PopupData[PopupTemplate] | undefined {
  switch (template) {
    case "countdown": {
      const { mode, deadline, durationMinutes } = settings as PopupSettings["countdown"];
      const fixed = mode === "fixed" ? deadlineInstant(deadline) : undefined;
      return { endsAt: fixed ?? now + durationMinutes * 60_000 };
    }
    case "social-proof": {
      const { minimum } = settings as PopupSettings["social-proof"];
      return { count: Math.max(minimum, SAMPLE_COUNT) };
    }
    case "upsell": {
      const product = products[1] ?? products[0];
      return product ? { product } : undefined;
    }
    case "cross-sell":
      return products.length > 0 ? { items: products } : undefined;
  }
}
