import type { ProductCard } from "../contract";
import { bestsellers, toCard } from "./bestsellers";
import { CARD_COLUMNS, type RecommendationContext, excluded, placeholders } from "./context";

/**
 * Products most often in the same order as the shown product (or the cart's
 * products), over the window. Ranking by co-occurrence count equals ranking
 * by confidence P(item | shown), since the shown product's own count is the
 * same for every candidate. Short lists are topped up with bestsellers, so a
 * new or rare product still gets a full widget.
 */
export async function frequentlyBoughtTogether(
  db: D1Database,
  context: RecommendationContext,
): Promise<ProductCard[]> {
  const seeds = excluded(context);
  if (seeds.length === 0) return bestsellers(db, context);

  const { results } = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}, COUNT(*) AS together
       FROM order_lines seed
       JOIN order_lines other
         ON other.site_id = seed.site_id AND other.order_id = seed.order_id
       JOIN products p ON p.site_id = other.site_id AND p.id = other.product_id
       WHERE seed.site_id = ? AND seed.at >= ?
         AND seed.product_id IN (${placeholders(seeds)})
         AND other.product_id NOT IN (${placeholders(seeds)})
       GROUP BY other.product_id
       ORDER BY together DESC, p.id
       LIMIT ?`,
    )
    .bind(context.siteId, context.since, ...seeds, ...seeds, context.count)
    .all<ProductCard & { together: number }>();

  const items = results.map(toCard);
  if (items.length >= context.count) return items;

  const more = await bestsellers(
    db,
    { ...context, count: context.count - items.length },
    [...seeds, ...items.map((item) => item.id)],
  );
  return [...items, ...more];
}
