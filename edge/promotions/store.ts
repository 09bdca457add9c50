import type { Promotion, PromotionKind } from "./promotion";
import { roundingFromJson, roundingToJson } from "./rounding";

/** A site may keep this many promotions. Every cart calculation reads all
 * of a site's live ones, so the bound keeps that read small. */
export const MAX_PROMOTIONS = 500;

interface PromotionRow {
  id: string;
  name: string;
  kind: PromotionKind;
  value: number;
  currency: string;
  target_type: Promotion["target"]["type"];
  target: string | null;
  min_order_value: number | null;
  starts_at: number | null;
  ends_at: number | null;
  rounding: string | null;
  enabled: number;
}

const COLUMNS = `id, name, kind, value, currency, target_type, target, min_order_value,
  starts_at, ends_at, rounding, enabled`;

function toPromotion(row: PromotionRow): Promotion {
  const target: Promotion["target"] =
    row.target_type === "product"
      ? { type: "product", product: row.target ?? "" }
      : row.target_type === "category"
        ? { type: "category", category: row.target ?? "" }
        : { type: "order" };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    value: BigInt(row.value),
    currency: row.currency,
    target,
    minOrderValue: row.min_order_value === null ? null : BigInt(row.min_order_value),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    rounding: row.rounding === null ? null : roundingFromJson(row.rounding),
    enabled: row.enabled === 1,
  };
}

export async function listPromotions(db: D1Database, siteId: string) {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM promotions WHERE site_id = ? ORDER BY id`)
    .bind(siteId)
    .all<PromotionRow>();
  return results.map(toPromotion);
}

/** The statement reading the promotions that may apply at `now`; batched
 * with the cart's other reads. Currency is checked by the caller. */
export function livePromotionsStatement(db: D1Database, siteId: string, now: number) {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM promotions
       WHERE site_id = ?1 AND enabled = 1
         AND (starts_at IS NULL OR starts_at <= ?2) AND (ends_at IS NULL OR ends_at > ?2)
       ORDER BY id`,
    )
    .bind(siteId, now);
}

export function promotionsFromRows(rows: unknown[]): Promotion[] {
  return (rows as PromotionRow[]).map(toPromotion);
}

export async function findPromotion(db: D1Database, siteId: string, id: string) {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM promotions WHERE site_id = ? AND id = ?`)
    .bind(siteId, id)
    .first<PromotionRow>();
  return row ? toPromotion(row) : null;
}

export type SaveOutcome = "created" | "replaced" | "full";

/**
 * Creates or replaces a promotion in one transaction. A new promotion is
 * refused ("full") when the site already has MAX_PROMOTIONS; replacing one
 * always works. Whether it existed is read inside the same transaction, so
 * the answer (201 or 200) is exact even when two saves race.
 */
export async function savePromotion(
  db: D1Database,
  siteId: string,
  promotion: Promotion,
  now: number,
): Promise<SaveOutcome> {
  const target =
    promotion.target.type === "product"
      ? promotion.target.product
      : promotion.target.type === "category"
        ? promotion.target.category
        : null;
  const [existed, written] = await db.batch([
    db
      .prepare("SELECT COUNT(*) AS n FROM promotions WHERE site_id = ? AND id = ?")
      .bind(siteId, promotion.id),
    db
      .prepare(
        `INSERT INTO promotions (site_id, id, name, kind, value, currency, target_type, target,
           min_order_value, starts_at, ends_at, rounding, enabled, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14
         WHERE (SELECT COUNT(*) FROM promotions WHERE site_id = ?1) < ?15
           OR EXISTS (SELECT 1 FROM promotions WHERE site_id = ?1 AND id = ?2)
         ON CONFLICT (site_id, id) DO UPDATE SET
           name = excluded.name, kind = excluded.kind, value = excluded.value,
           currency = excluded.currency, target_type = excluded.target_type,
           target = excluded.target, min_order_value = excluded.min_order_value,
           starts_at = excluded.starts_at, ends_at = excluded.ends_at,
           rounding = excluded.rounding, enabled = excluded.enabled,
           updated_at = excluded.updated_at`,
      )
      .bind(
        siteId,
        promotion.id,
        promotion.name,
        promotion.kind,
        Number(promotion.value),
        promotion.currency,
        promotion.target.type,
        target,
        promotion.minOrderValue === null ? null : Number(promotion.minOrderValue),
        promotion.startsAt,
        promotion.endsAt,
        promotion.rounding === null ? null : roundingToJson(promotion.rounding),
        promotion.enabled ? 1 : 0,
        now,
        MAX_PROMOTIONS,
      ),
  ]);
  if ((written?.meta.changes ?? 0) === 0) return "full";
  const count = (existed?.results[0] as { n: number } | undefined)?.n ?? 0;
  return count > 0 ? "replaced" : "created";
}

export async function deletePromotion(db: D1Database, siteId: string, id: string) {
  const result = await db
    .prepare("DELETE FROM promotions WHERE site_id = ? AND id = ?")
    .bind(siteId, id)
    .run();
  return result.meta.changes > 0;
}
