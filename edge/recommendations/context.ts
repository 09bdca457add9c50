import type { ProductCard } from "../contract";

/** What a recommendation may draw on for one page view. */
export interface RecommendationContext {
  siteId: string;
  product: string | null;
  category: string | null;
  cart: string[];
  device: string | null;
  count: number;
  /** Purchases since this time (epoch ms) count. */
  since: number;
}

export type Recommender = (
  db: D1Database,
  context: RecommendationContext,
) => Promise<ProductCard[]>;

/** Columns that make a ProductCard, for `SELECT ... FROM products p`. */
export const CARD_COLUMNS =
  "p.id AS id, p.name AS name, p.category AS category, p.price_minor AS price, p.url AS url, p.image_url AS image";

/** Products the shopper already has in view, never recommended back. */
export function excluded(context: RecommendationContext): string[] {
  return context.product ? [context.product, ...context.cart] : context.cart;
}

export function placeholders(values: unknown[]): string {
  return values.map(() => "?").join(", ");
}

const DAY_MS = 86_400_000;

/** The first whole UTC day of the window, as the daily sales tables key it.
 * Sales-based rankings therefore count whole days: a 30-day window reaches
 * back to the start of the 30th day. */
export function firstDay(since: number): number {
  return Math.floor(since / DAY_MS);
}

export function toCard(row: ProductCard): ProductCard {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    price: row.price,
    url: row.url,
    image: row.image,
  };
}
