import type { RecommendationSettings } from "../../templates/recommendations/settings";

export interface Widget {
  id: string;
  name: string;
  template: "recommendations";
  enabled: boolean;
  settings: RecommendationSettings;
  updatedAt: number;
}

interface WidgetRow {
  id: string;
  name: string;
  template: string;
  enabled: number;
  settings: string;
  updated_at: number;
}

const COLUMNS = "id, name, template, enabled, settings, updated_at";

function toWidget(row: WidgetRow): Widget {
  return {
    id: row.id,
    name: row.name,
    template: "recommendations",
    enabled: row.enabled === 1,
    settings: JSON.parse(row.settings) as RecommendationSettings,
    updatedAt: row.updated_at,
  };
}

export async function listWidgets(
  db: D1Database,
  siteId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<Widget[]> {
  const filter = options.enabledOnly ? "AND enabled = 1" : "";
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM widgets WHERE site_id = ? ${filter} ORDER BY id`)
    .bind(siteId)
    .all<WidgetRow>();
  return results.map(toWidget);
}

export async function findWidget(
  db: D1Database,
  siteId: string,
  id: string,
): Promise<Widget | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM widgets WHERE site_id = ? AND id = ?`)
    .bind(siteId, id)
    .first<WidgetRow>();
  return row ? toWidget(row) : null;
}

/** A bound on what one page answer may have to resolve. */
export const MAX_WIDGETS = 50;

/**
 * Creates or replaces a widget and bumps the site's config version, in one
 * transaction. Answers whether it is new, or "full" when the site already
 * has MAX_WIDGETS and this one is new (replacing always works).
 */
export async function saveWidget(
  db: D1Database,
  siteId: string,
  widget: Omit<Widget, "updatedAt">,
  now: number,
): Promise<"created" | "replaced" | "full"> {
  const [insert] = await db.batch([
    db
      .prepare(
        `INSERT INTO widgets (site_id, id, name, template, enabled, settings, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7
         WHERE (SELECT COUNT(*) FROM widgets WHERE site_id = ?1) < ?8
           OR EXISTS (SELECT 1 FROM widgets WHERE site_id = ?1 AND id = ?2)
         ON CONFLICT (site_id, id) DO UPDATE SET
           name = excluded.name, template = excluded.template, enabled = excluded.enabled,
           settings = excluded.settings, updated_at = excluded.updated_at
         RETURNING created_at`,
      )
      .bind(
        siteId,
        widget.id,
        widget.name,
        widget.template,
        widget.enabled ? 1 : 0,
        JSON.stringify(widget.settings),
        now,
        MAX_WIDGETS,
      ),
    // changes() is the INSERT's: a refused one bumps nothing.
    db
      .prepare(
        "UPDATE sites SET config_version = config_version + 1 WHERE id = ? AND changes() > 0",
      )
      .bind(siteId),
  ]);
  const row = insert?.results[0] as { created_at: number } | undefined;
  if (!row) return "full";
  return row.created_at === now ? "created" : "replaced";
}

export async function deleteWidget(db: D1Database, siteId: string, id: string) {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM widgets WHERE site_id = ? AND id = ?").bind(siteId, id),
    // changes() is the DELETE's count: the batch runs its statements in
    // order on one connection, so nothing deleted bumps nothing.
    db
      .prepare(
        "UPDATE sites SET config_version = config_version + 1 WHERE id = ? AND changes() > 0",
      )
      .bind(siteId),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
}

function bumpConfigVersion(db: D1Database, siteId: string) {
  return db
    .prepare("UPDATE sites SET config_version = config_version + 1 WHERE id = ?")
    .bind(siteId);
}
