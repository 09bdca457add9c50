import type { ProductCard } from "../contract";
import {
  CARD_COLUMNS,
  excluded,
  placeholders,
  type RecommendationContext,
  toCard,
} from "./context";

/** Products this device viewed, most recent first, without the one shown. */
export async function recentlyViewed(
  db: D1Database,
  context: RecommendationContext,
): Promise<ProductCard[]> {
  if (!context.device) return [];
  const skip = excluded(context);
  const notIn = skip.length > 0 ? `AND a.product_id NOT IN (${placeholders(skip)})` : "";

  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}, MAX(a.at) AS viewed
       FROM actions a
       JOIN products p ON p.site_id = a.site_id AND p.id = a.product_id
       WHERE a.site_id = ? AND a.device_id = ? AND a.operation = 'ViewProduct' ${notIn}
       GROUP BY a.product_id
       ORDER BY viewed DESC
       LIMIT ?`,
    )
    .bind(context.siteId, context.device, ...skip, context.count)
    .all<ProductCard & { viewed: number }>();
  return results.map(toCard);
}
