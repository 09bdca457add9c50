import type { PopupTemplate } from "../../templates/popup/contract";
import type { Popup } from "../../templates/popup/record";

export type { Popup };

interface PopupRow {
  id: string;
  name: string;
  template: PopupTemplate;
  enabled: number;
  priority: number;
  settings: string;
  targeting: string;
  frequency: string;
  updated_at: number;
}

const COLUMNS =
  "id, name, template, enabled, priority, settings, targeting, frequency, updated_at";

function toPopup(row: PopupRow): Popup {
  return {
    id: row.id,
    name: row.name,
    template: row.template,
    enabled: row.enabled === 1,
    priority: row.priority,
    settings: JSON.parse(row.settings),
    targeting: JSON.parse(row.targeting),
    frequency: JSON.parse(row.frequency),
    updatedAt: row.updated_at,
  };
}

/** The site's pop-ups, in the order they compete for a page view. */
export async function listPopups(
  db: D1Database,
  siteId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<Popup[]> {
  const filter = options.enabledOnly ? "AND enabled = 1" : "";
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM popups WHERE site_id = ? ${filter} ORDER BY priority, id`,
    )
    .bind(siteId)
    .all<PopupRow>();
  return results.map(toPopup);
}

export async function findPopup(
  db: D1Database,
  siteId: string,
  id: string,
): Promise<Popup | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM popups WHERE site_id = ? AND id = ?`)
    .bind(siteId, id)
    .first<PopupRow>();
  return row ? toPopup(row) : null;
}

/** A site's pop-ups are all read on every page view: a bound on that. */
export const MAX_POPUPS = 50;

/**
 * Creates or replaces a pop-up and bumps the site's config version in one
 * transaction. Answers whether it is new, or "full" when the site already
 * has MAX_POPUPS and this one is new (replacing always works).
 */
export async function savePopup(
  db: D1Database,
  siteId: string,
  popup: Omit<Popup, "updatedAt">,
  now: number,
): Promise<"created" | "replaced" | "full"> {
  const [saved] = await db.batch([
    db
      .prepare(
        `INSERT INTO popups (site_id, id, name, template, enabled, priority, settings,
           targeting, frequency, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10
         WHERE (SELECT COUNT(*) FROM popups WHERE site_id = ?1) < ?11
           OR EXISTS (SELECT 1 FROM popups WHERE site_id = ?1 AND id = ?2)
         ON CONFLICT (site_id, id) DO UPDATE SET
           name = excluded.name, template = excluded.template, enabled = excluded.enabled,
           priority = excluded.priority, settings = excluded.settings,
           targeting = excluded.targeting, frequency = excluded.frequency,
           updated_at = excluded.updated_at
         RETURNING created_at`,
      )
      .bind(
        siteId,
        popup.id,
        popup.name,
        popup.template,
        popup.enabled ? 1 : 0,
        popup.priority,
        JSON.stringify(popup.settings),
        JSON.stringify(popup.targeting),
        JSON.stringify(popup.frequency),
        now,
        MAX_POPUPS,
      ),
    // changes() is the INSERT's: a refused one bumps nothing.
    db
      .prepare(
        "UPDATE sites SET config_version = config_version + 1 WHERE id = ? AND changes() > 0",
      )
      .bind(siteId),
  ]);
  const row = saved?.results[0] as { created_at: number } | undefined;
  if (!row) return "full";
  return row.created_at === now ? "created" : "replaced";
}

/** Deletes a pop-up and the timers of its visitors. */
export async function deletePopup(
  db: D1Database,
  siteId: string,
  id: string,
): Promise<boolean> {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM popups WHERE site_id = ? AND id = ?").bind(siteId, id),
    db
      .prepare("DELETE FROM popup_timers WHERE site_id = ? AND popup_id = ?")
      .bind(siteId, id),
    db
      .prepare("UPDATE sites SET config_version = config_version + 1 WHERE id = ?")
      .bind(siteId),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
}
