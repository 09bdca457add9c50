import type { ProductCard } from "../contract";
import { CARD_COLUMNS, firstDay, toCard } from "../recommendations/context";

const DAY_MS = 86_400_000;
/** Sales over this many days order the list, so that the products a
 * marketer most likely wants to preview with come first. */
const POPULAR_DAYS = 30;

export interface ProductSearch {
  /** Part of the name or id, any case; empty for all. */
  query: string;
  limit: number;
}

/** `%`, `_` and the escape itself are literal in a search, not wildcards. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The site's products whose name or id contains the query, best sellers of
 * the last 30 days first, then by name.
 *
 * Known limit: every matching product's sales are summed before the limit
 * applies, which is instant for a catalogue of thousands and slow for one
 * of millions; a popularity column kept by the daily rollup would fix it.
 */
export async function searchProducts(
  db: D1Database,
  siteId: string,
  search: ProductSearch,
  now: number,
): Promise<ProductCard[]> {
  const pattern = likePattern(search.query);
  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}, COALESCE(SUM(s.units), 0) AS sold
       FROM products p
       LEFT JOIN product_sales s
         ON s.site_id = p.site_id AND s.product_id = p.id AND s.day >= ?
       WHERE p.site_id = ?
         AND (lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.id) LIKE ? ESCAPE '\\')
       GROUP BY p.id
       ORDER BY sold DESC, p.name, p.id
       LIMIT ?`,
    )
    .bind(firstDay(now - POPULAR_DAYS * DAY_MS), siteId, pattern, pattern, search.limit)
    .all<ProductCard & { sold: number }>();
  return results.map(toCard);
}
