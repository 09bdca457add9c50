import type { UpsellSettings } from "../../templates/upsell/settings";
import type { ProductCard } from "../contract";
import { CARD_COLUMNS, firstDay, toCard } from "../recommendations/context";

const WINDOW_MS = 30 * 86_400_000;

/**
 * A better alternative to `product`: same category, priced between
 * `minIncreasePercent` and `maxIncreasePercent` above it, the best seller
 * of those over the last 30 days (then the cheapest, then by id, so the
 * choice is stable). Null when there is none.
 */
export async function upsellProduct(
  db: D1Database,
  site: string,
  product: string,
  settings: UpsellSettings,
  now: number,
): Promise<ProductCard | null> {
  const row = await db
    .prepare(
      `SELECT ${CARD_COLUMNS}
       FROM products base
       JOIN products p ON p.site_id = base.site_id AND p.category = base.category
         AND p.id != base.id
         AND p.price_minor * 100 >= base.price_minor * (100 + ?3)
         AND p.price_minor * 100 <= base.price_minor * (100 + ?4)
       LEFT JOIN (
         SELECT product_id, SUM(orders) AS orders FROM product_sales
         WHERE site_id = ?1 AND day >= ?5 GROUP BY product_id
       ) sales ON sales.product_id = p.id
       WHERE base.site_id = ?1 AND base.id = ?2
       ORDER BY COALESCE(sales.orders, 0) DESC, p.price_minor, p.id
       LIMIT 1`,
    )
    .bind(
      site,
      product,
      settings.minIncreasePercent,
      settings.maxIncreasePercent,
      firstDay(now - WINDOW_MS),
    )
    .first<ProductCard>();
  return row ? toCard(row) : null;
}
