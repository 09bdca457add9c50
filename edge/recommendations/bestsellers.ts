import type { ProductCard } from "../contract";
import {
  CARD_COLUMNS,
  excluded,
  firstDay,
  placeholders,
  type RecommendationContext,
  toCard,
} from "./context";

/** The most sold products over the window, by units. */
export async function bestsellers(
  db: D1Database,
  context: RecommendationContext,
): Promise<ProductCard[]> {
  const skip = excluded(context);
  const notIn = skip.length > 0 ? `AND s.product_id NOT IN (${placeholders(skip)})` : "";
  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}, SUM(s.units) AS sold
       FROM product_sales s
       JOIN products p ON p.site_id = s.site_id AND p.id = s.product_id
       WHERE s.site_id = ? AND s.day >= ? ${notIn}
       GROUP BY s.product_id
       ORDER BY sold DESC, p.id
       LIMIT ?`,
    )
    .bind(context.siteId, firstDay(context.since), ...skip, context.count)
    .all<ProductCard & { sold: number }>();
  return results.map(toCard);
}
