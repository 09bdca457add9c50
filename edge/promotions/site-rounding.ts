import type { Site } from "../sites/site";
import { DEFAULT_ROUNDING, type Rounding } from "./rounding";

interface RoundingRow {
  mode: Rounding["mode"];
  step: number;
  scope: Rounding["scope"];
  currency: string;
}

/** The statement reading a site's rounding settings; batched with the
 * cart's other reads. */
export function siteRoundingStatement(db: D1Database, siteId: string) {
  return db
    .prepare(
      "SELECT mode, step, scope, currency FROM rounding_settings WHERE site_id = ?",
    )
    .bind(siteId);
}

/** The site's rounding, from its row (or the defaults without one). A row
 * saved under another currency is ignored: its step was in that currency's
 * minor units. */
export function siteRoundingFromRow(row: unknown, site: Site): Rounding {
  const stored = row as RoundingRow | undefined;
  if (!stored || stored.currency !== site.currency) return DEFAULT_ROUNDING;
  return { mode: stored.mode, step: BigInt(stored.step), scope: stored.scope };
}

export async function findSiteRounding(db: D1Database, site: Site) {
  const row = await siteRoundingStatement(db, site.id).first();
  return siteRoundingFromRow(row ?? undefined, site);
}

export async function saveSiteRounding(
  db: D1Database,
  site: Site,
  rounding: Rounding,
  now: number,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO rounding_settings (site_id, mode, step, scope, currency, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id) DO UPDATE SET mode = excluded.mode, step = excluded.step,
         scope = excluded.scope, currency = excluded.currency,
         updated_at = excluded.updated_at`,
    )
    .bind(
      site.id,
      rounding.mode,
      Number(rounding.step),
      rounding.scope,
      site.currency,
      now,
    )
    .run();
}
