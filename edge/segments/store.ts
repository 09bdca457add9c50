import type { SegmentRule } from "./rule";
import {
  SEGMENT_COLUMNS,
  type Segment,
  type SegmentRow,
  segmentFromRow,
} from "./segment";

/** A site may keep this many segments: the hourly recompute reads every
 * one of them. */
export const MAX_SEGMENTS = 100;

export async function listSegments(db: D1Database, siteId: string) {
  const { results } = await db
    .prepare(
      `SELECT ${SEGMENT_COLUMNS},
         (SELECT count(*) FROM segment_memberships m
          WHERE m.site_id = s.site_id AND m.segment_id = s.id) AS members,
         EXISTS (SELECT 1 FROM retention_exceptions e
          WHERE e.site_id = s.site_id AND e.segment_id = s.id) AS kept
       FROM segments s WHERE site_id = ? ORDER BY name, id`,
    )
    .bind(siteId)
    .all<SegmentRow & { members: number; kept: number }>();
  return results.map((row) => ({
    ...segmentFromRow(row),
    members: row.members,
    /** Its history is an exception to auto-deletion. */
    historyKept: row.kept === 1,
  }));
}

export async function findSegment(
  db: D1Database,
  siteId: string,
  id: string,
): Promise<Segment | null> {
  const row = await db
    .prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE site_id = ? AND id = ?`)
    .bind(siteId, id)
    .first<SegmentRow>();
  return row ? segmentFromRow(row) : null;
}

/**
 * Creates or replaces a segment. A changed rule keeps the members until the
 * next recompute, which records who entered and who left under the new
 * rule. "full" when a new segment would pass MAX_SEGMENTS.
 */
export async function saveSegment(
  db: D1Database,
  siteId: string,
  segment: { id: string; name: string; rule: SegmentRule },
  now: number,
): Promise<"created" | "replaced" | "full"> {
  const existing = await findSegment(db, siteId, segment.id);
  const result = await db
    .prepare(
      `INSERT INTO segments (site_id, id, name, rule, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?5
       WHERE EXISTS (SELECT 1 FROM segments WHERE site_id = ?1 AND id = ?2)
          OR (SELECT count(*) FROM segments WHERE site_id = ?1) < ?6
       ON CONFLICT (site_id, id) DO UPDATE SET
         name = excluded.name, rule = excluded.rule, updated_at = excluded.updated_at`,
    )
    .bind(
      siteId,
      segment.id,
      segment.name,
      JSON.stringify(segment.rule),
      now,
      MAX_SEGMENTS,
    )
    .run();
  if (result.meta.changes === 0) return "full";
  return existing ? "replaced" : "created";
}

/** Deletes a segment with its members, its history and its place among
 * the exceptions, in one transaction. */
export async function deleteSegment(
  db: D1Database,
  siteId: string,
  id: string,
): Promise<boolean> {
  const [deleted] = await db.batch(
    ["segments WHERE site_id = ?1 AND id = ?2"]
      .concat(
        ["segment_memberships", "segment_history", "retention_exceptions"].map(
          (table) => `${table} WHERE site_id = ?1 AND segment_id = ?2`,
        ),
      )
      .map((target) => db.prepare(`DELETE FROM ${target}`).bind(siteId, id)),
  );
  return (deleted?.meta.changes ?? 0) > 0;
}
