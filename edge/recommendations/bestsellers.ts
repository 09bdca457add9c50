import type { ProductCard } from "../contract";
import { CARD_COLUMNS, type RecommendationContext, excluded, placeholders } from "./context";

/** The most sold products over the window, by units. */
export async function bestsellers(
  db: D1Database,
  context: RecommendationContext,
  skip: string[] = excluded(context),
): Promise<ProductCard[]> {
  const notIn = skip.length > 0 ? `AND l.product_id NOT IN (${placeholders(skip)})` : "";
  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}, SUM(l.quantity) AS sold
       FROM order_lines l
       JOIN products p ON p.site_id = l.site_id AND p.id = l.product_id
       WHERE l.site_id = ? AND l.at >= ? ${notIn}
       GROUP BY l.product_id
       ORDER BY sold DESC, p.id
       LIMIT ?`,
    )
    .bind(context.siteId, context.since, ...skip, context.count)
    .all<ProductCard & { sold: number }>();
  return results.map(toCard);
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
