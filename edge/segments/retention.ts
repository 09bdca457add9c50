const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows one DELETE removes: small enough that a statement stays well
 * under D1's time limit, large enough that a big backlog takes few. */
export const CHUNK_ROWS = 5000;
/** Statements one run may spend on segment history, across all sites,
 * so that a run ends in bounded time; what is left waits for the next. */
export const MAX_CHUNKS_PER_RUN = 40;

export interface RetentionSettings {
  /** History older than this many days is deleted; null: never. */
  historyDays: number | null;
  /** Segments whose history is never deleted. */
  exceptions: string[];
}

export async function readRetention(
  db: D1Database,
  siteId: string,
): Promise<RetentionSettings> {
  const [settings, exceptions] = await db.batch([
    db
      .prepare("SELECT history_days FROM retention_settings WHERE site_id = ?")
      .bind(siteId),
    db
      .prepare(
        "SELECT segment_id FROM retention_exceptions WHERE site_id = ? ORDER BY segment_id",
      )
      .bind(siteId),
  ]);
  const row = settings?.results[0] as { history_days: number | null } | undefined;
  return {
    historyDays: row?.history_days ?? null,
    exceptions: ((exceptions?.results ?? []) as { segment_id: string }[]).map(
      (each) => each.segment_id,
    ),
  };
}

/** Replaces the settings and the exceptions in one transaction. The caller
 * has checked that every exception is a segment of the site. */
export async function writeRetention(
  db: D1Database,
  siteId: string,
  settings: RetentionSettings,
  now: number,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO retention_settings (site_id, history_days, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (site_id) DO UPDATE SET
           history_days = excluded.history_days, updated_at = excluded.updated_at`,
      )
      .bind(siteId, settings.historyDays, now),
    db.prepare("DELETE FROM retention_exceptions WHERE site_id = ?").bind(siteId),
    db
      .prepare(
        `INSERT INTO retention_exceptions (site_id, segment_id)
         SELECT ?1, value FROM json_each(?2)`,
      )
      .bind(siteId, JSON.stringify(settings.exceptions)),
  ]);
}

/** How many history rows settings like these would remove at `now`. */
export async function countRemovable(
  db: D1Database,
  siteId: string,
  settings: RetentionSettings,
  now: number,
): Promise<number> {
  if (settings.historyDays === null) return 0;
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM segment_history
       WHERE site_id = ?1 AND at < ?2
         AND segment_id NOT IN (SELECT value FROM json_each(?3))`,
    )
    .bind(
      siteId,
      cutoffOf(settings.historyDays, now),
      JSON.stringify(settings.exceptions),
    )
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export function cutoffOf(historyDays: number, now: number): number {
  return now - historyDays * DAY_MS;
}

export interface SitePurge {
  site: string;
  cutoff: number;
  removed: number;
  /** Removed per segment, for the log. */
  segments: Record<string, number>;
}

export interface PurgeReport {
  sites: SitePurge[];
  chunks: number;
  /** False when the run stopped at its chunk limit with rows left. */
  complete: boolean;
}

/**
 * Deletes segment history older than each site's setting, except the
 * history of exception segments, in DELETEs of at most `chunkRows` rows
 * and at most `maxChunks` of them in all.
 *
 * Safe to interrupt and to repeat: every chunk is its own statement that
 * commits on its own, and each only removes rows that are past the cutoff
 * when it runs, so a run cut short leaves the rest for the next one, and
 * a second run finds nothing more to do. Each DELETE checks the exceptions
 * itself, so a segment made an exception while a run is under way is
 * spared from the next statement on.
 */
export async function purgeSegmentHistory(
  db: D1Database,
  now: number,
  options: { chunkRows?: number; maxChunks?: number } = {},
): Promise<PurgeReport> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const maxChunks = options.maxChunks ?? MAX_CHUNKS_PER_RUN;
  const { results: sites } = await db
    .prepare(
      `SELECT site_id, history_days FROM retention_settings
       WHERE history_days IS NOT NULL ORDER BY site_id`,
    )
    .all<{ site_id: string; history_days: number }>();

  const report: PurgeReport = { sites: [], chunks: 0, complete: true };
  for (const site of sites) {
    const cutoff = cutoffOf(site.history_days, now);
    const purge: SitePurge = { site: site.site_id, cutoff, removed: 0, segments: {} };
    // Segments with something to remove, not rows, are listed: the index
    // leads with the segment, so this costs a lookup per segment, each
    // DELETE below reads only rows it removes, never the exceptions, and
    // no chunk of the budget goes to a segment with nothing to remove.
    const { results: segments } = await db
      .prepare(
        `SELECT id FROM segments s WHERE site_id = ?1
           AND id NOT IN (SELECT segment_id FROM retention_exceptions WHERE site_id = ?1)
           AND EXISTS (SELECT 1 FROM segment_history h
             WHERE h.site_id = ?1 AND h.segment_id = s.id AND h.at < ?2)
         ORDER BY id`,
      )
      .bind(site.site_id, cutoff)
      .all<{ id: string }>();
    for (const { id } of segments) {
      for (;;) {
        if (report.chunks === maxChunks) {
          report.complete = false;
          break;
        }
        report.chunks += 1;
        const result = await db
          .prepare(
            `DELETE FROM segment_history WHERE rowid IN (
               SELECT rowid FROM segment_history
               WHERE site_id = ?1 AND segment_id = ?2 AND at < ?3
                 AND NOT EXISTS (SELECT 1 FROM retention_exceptions
                   WHERE site_id = ?1 AND segment_id = ?2)
               LIMIT ?4)`,
          )
          .bind(site.site_id, id, cutoff, chunkRows)
          .run();
        const removed = result.meta.changes;
        if (removed > 0) {
          purge.segments[id] = (purge.segments[id] ?? 0) + removed;
          purge.removed += removed;
        }
        if (removed < chunkRows) break;
      }
      if (!report.complete) break;
    }
    report.sites.push(purge);
    if (!report.complete) break;
  }
  return report;
}
