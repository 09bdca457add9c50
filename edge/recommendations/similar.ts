import type { ProductCard } from "../contract";
import {
  CARD_COLUMNS,
  excluded,
  firstDay,
  placeholders,
  type RecommendationContext,
  toCard,
} from "./context";

/**
 * Other products of the shown product's category (or the shown category),
 * best sellers of the window first, then the rest by name.
 */
export async function similar(
  db: D1Database,
  context: RecommendationContext,
): Promise<ProductCard[]> {
  const skip = excluded(context);
  const notIn = skip.length > 0 ? `AND p.id NOT IN (${placeholders(skip)})` : "";
  const category = context.product
    ? "(SELECT category FROM products WHERE site_id = ? AND id = ?)"
    : "?";
  const categoryArgs = context.product
    ? [context.siteId, context.product]
    : [context.category];
  if (!context.product && !context.category) return [];

  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS},
         (SELECT COALESCE(SUM(s.units), 0) FROM product_sales s
          WHERE s.site_id = p.site_id AND s.product_id = p.id AND s.day >= ?) AS sold
       FROM products p
       WHERE p.site_id = ? AND p.category = ${category} ${notIn}
       ORDER BY sold DESC, p.name
       LIMIT ?`,
    )
    .bind(
      firstDay(context.since),
      context.siteId,
      ...categoryArgs,
      ...skip,
      context.count,
    )
    .all<ProductCard & { sold: number }>();
  return results.map(toCard);
}
