import type { ProductCard } from "../contract";
import { bestsellers } from "./bestsellers";
import {
  CARD_COLUMNS,
  excluded,
  firstDay,
  type RecommendationContext,
  toCard,
} from "./context";

/**
 * How many orders of prior belief each estimate starts with. Raw
 * co-occurrence lets a rare product's one shared basket decide its whole
 * list; the prior trusts co-occurrence in proportion to the evidence. 5 is a
 * round number, not tuned on the evaluation baskets.
 */
export const PRIOR_ORDERS = 5;

/**
 * Products most likely to be bought with what the shopper has in view (the
 * shown product, or the cart's products), over the window. For each seed s
 * and candidate x it estimates P(x | s) = (orders with both + PRIOR_ORDERS ·
 * share of orders holding x) / (orders with s + PRIOR_ORDERS), and ranks by
 * the sum over seeds. Averaging per-seed probabilities keeps one popular
 * seed from drowning the others; the popularity prior gives a new or rare
 * product a full and sensible list.
 */
export async function frequentlyBoughtTogether(
  db: D1Database,
  context: RecommendationContext,
): Promise<ProductCard[]> {
  const seeds = excluded(context);
  if (seeds.length === 0) return bestsellers(db, context);
  // Numbered parameters: the seed list is used twice but bound once.
  const seedList = seeds.map((_, index) => `?${index + 6}`).join(", ");

  // CROSS JOIN fixes SQLite's join order: from the few seed lines to their
  // orders' other lines, never a scan of all lines.
  const { results } = await db
    .prepare(
      `WITH popularity AS (
         SELECT product_id AS id, SUM(orders) AS orders
         FROM product_sales WHERE site_id = ?1 AND day >= ?3
         GROUP BY product_id
       ),
       total AS (
         SELECT MAX(1, SUM(orders)) AS orders FROM site_sales WHERE site_id = ?1 AND day >= ?3
       ),
       seeds AS (
         SELECT id, 1.0 / (orders + ?4) AS weight FROM popularity WHERE id IN (${seedList})
       ),
       together AS (
         SELECT other.product_id AS id, SUM(s.weight) AS score
         FROM seeds s
         CROSS JOIN order_lines seed
           ON seed.site_id = ?1 AND seed.product_id = s.id AND seed.at >= ?2
         CROSS JOIN order_lines other
           ON other.site_id = seed.site_id AND other.order_id = seed.order_id
         GROUP BY other.product_id
       ),
       prior AS (SELECT COALESCE(SUM(weight), 0) AS weight FROM seeds)
       SELECT ${CARD_COLUMNS},
         COALESCE(t.score, 0) + ?4 * prior.weight * pop.orders / total.orders AS score
       FROM popularity pop
       CROSS JOIN total
       CROSS JOIN prior
       JOIN products p ON p.site_id = ?1 AND p.id = pop.id
       LEFT JOIN together t ON t.id = pop.id
       WHERE pop.id NOT IN (${seedList})
       ORDER BY score DESC, pop.orders DESC, p.id
       LIMIT ?5`,
    )
    .bind(
      context.siteId,
      context.since,
      firstDay(context.since),
      PRIOR_ORDERS,
      context.count,
      ...seeds,
    )
    .all<ProductCard & { score: number }>();
  return results.map(toCard);
}
