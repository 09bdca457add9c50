import { recomputeSegment } from "./recompute";
import { SEGMENT_COLUMNS, type SegmentRow, segmentFromRow } from "./segment";

/** Recomputes every segment of every site, one transaction each. */
export async function recomputeAll(
  db: D1Database,
  now: number,
): Promise<{ segments: number; entered: number; exited: number }> {
  const { results } = await db
    .prepare(`SELECT site_id, ${SEGMENT_COLUMNS} FROM segments ORDER BY site_id, id`)
    .all<SegmentRow & { site_id: string }>();
  const totals = { segments: 0, entered: 0, exited: 0 };
  for (const row of results) {
    const done = await recomputeSegment(db, row.site_id, segmentFromRow(row), now);
    totals.segments += 1;
    totals.entered += done.entered;
    totals.exited += done.exited;
  }
  return totals;
}
