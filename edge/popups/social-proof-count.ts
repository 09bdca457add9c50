import type { SocialProofSettings } from "../../templates/social-proof/settings";

const HOUR_MS = 3_600_000;

/**
 * How many distinct people viewed or bought `product` within the window,
 * counted from stored actions and order lines, never estimated. A person
 * is a customer when the action names one, else a device (views) or an
 * order (purchases without a customer).
 */
export async function socialProofCount(
  db: D1Database,
  site: string,
  product: string,
  settings: SocialProofSettings,
  now: number,
): Promise<number> {
  const since = now - settings.windowHours * HOUR_MS;
  const query =
    settings.metric === "viewed"
      ? `SELECT COUNT(DISTINCT COALESCE('c:' || customer_id, 'd:' || device_id)) AS people
         FROM actions
         WHERE site_id = ? AND product_id = ? AND operation = 'ViewProduct' AND at >= ?`
      : `SELECT COUNT(DISTINCT COALESCE('c:' || customer_id, 'o:' || order_id)) AS people
         FROM order_lines WHERE site_id = ? AND product_id = ? AND at >= ?`;
  const row = await db
    .prepare(query)
    .bind(site, product, since)
    .first<{ people: number }>();
  return row?.people ?? 0;
}
