import { membersQuery } from "./rule";
import type { Segment } from "./segment";

export interface Recomputed {
  segment: string;
  entered: number;
  exited: number;
  members: number;
}

/**
 * Compares the rule's members at `now` with the stored ones and records
 * each difference as history (`entered`, `exited`, at `now`), in one D1
 * transaction: history and memberships never disagree, and a recompute
 * that fails leaves both as they were. D1 runs batches one at a time, so
 * two recomputes at once record each change once: the second finds the
 * memberships the first wrote.
 */
export async function recomputeSegment(
  db: D1Database,
  siteId: string,
  segment: Segment,
  now: number,
): Promise<Recomputed> {
  const members = membersQuery(segment.rule, now);
  // SQLite counts parameters up to the highest number used, so only the
  // statement without `now` is bound without it.
  const bind = (sql: string, withNow = true) =>
    db.prepare(sql).bind(siteId, segment.id, ...members.args, ...(withNow ? [now] : []));
  const nowParam = `?${3 + members.args.length}`;
  const isMember = `customer_id IN (${members.sql})`;
  const stored = "site_id = ?1 AND segment_id = ?2";

  const [entered, exited, , , count] = await db.batch([
    bind(
      `INSERT INTO segment_history (site_id, segment_id, customer_id, change, at)
       SELECT ?1, ?2, customer_id, 'entered', ${nowParam} FROM (${members.sql}) AS m
       WHERE NOT EXISTS (SELECT 1 FROM segment_memberships
         WHERE ${stored} AND customer_id = m.customer_id)`,
    ),
    bind(
      `INSERT INTO segment_history (site_id, segment_id, customer_id, change, at)
       SELECT ?1, ?2, customer_id, 'exited', ${nowParam} FROM segment_memberships
       WHERE ${stored} AND NOT ${isMember}`,
    ),
    bind(`DELETE FROM segment_memberships WHERE ${stored} AND NOT ${isMember}`, false),
    bind(
      `INSERT INTO segment_memberships (site_id, segment_id, customer_id, since)
       SELECT ?1, ?2, customer_id, ${nowParam} FROM (${members.sql})
       WHERE true ON CONFLICT DO NOTHING`,
    ),
    bind(
      `UPDATE segments SET computed_at = ${nowParam} WHERE site_id = ?1 AND id = ?2
       RETURNING (SELECT count(*) FROM segment_memberships WHERE ${stored}) AS members`,
    ),
  ]);
  return {
    segment: segment.id,
    entered: entered?.meta.changes ?? 0,
    exited: exited?.meta.changes ?? 0,
    members: (count?.results[0] as { members: number } | undefined)?.members ?? 0,
  };
}
