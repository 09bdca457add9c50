import type { RecommendationSettings } from "../../templates/recommendations/settings";
import { idList, optionalId, optionalText } from "../http/query";
import type { RecommendationContext } from "../recommendations";

const DAY_MS = 24 * 60 * 60 * 1000;

type PageContext = Omit<RecommendationContext, "count" | "since">;

/** The shopper's context as the page and recommendation routes take it:
 * `product`, `category`, `cart` (comma-separated ids) and `device`. */
export function pageContext(query: Record<string, string>, siteId: string): PageContext {
  return {
    siteId,
    product: optionalId(query.product, "product"),
    category: optionalText(query.category, "category", 100),
    // As many lines as an order may hold.
    cart: idList(query.cart, "cart", 100),
    device: optionalId(query.device, "device"),
  };
}

/** Narrows a page context to one widget's settings. */
export function forWidget(
  context: PageContext,
  settings: RecommendationSettings,
  now: number,
): RecommendationContext {
  return { ...context, count: settings.count, since: now - settings.windowDays * DAY_MS };
}
