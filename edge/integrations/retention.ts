import { RECORD_RETENTION_MS } from "./monitoring";

const CHUNK_ROWS = 5000;
const MAX_CHUNKS_PER_RUN = 40;

export interface RecordPurge {
  cutoff: number;
  records: number;
  rejectionMinutes: number;
  complete: boolean;
}

/**
 * Removes call records older than 30 days, across sites, in bounded
 * chunks (each its own statement, so an interrupted run loses nothing and
 * the next continues), and the ceiling's per-minute rejection counts of
 * the same age, which monitoring shows beside them.
 */
export async function purgeOldRecords(
  db: D1Database,
  now: number,
  options: { chunkRows?: number; maxChunks?: number } = {},
): Promise<RecordPurge> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const maxChunks = options.maxChunks ?? MAX_CHUNKS_PER_RUN;
  const cutoff = now - RECORD_RETENTION_MS;
  const purge: RecordPurge = { cutoff, records: 0, rejectionMinutes: 0, complete: true };

  for (let chunk = 0; ; chunk++) {
    if (chunk === maxChunks) {
      purge.complete = false;
      break;
    }
    const { meta } = await db
      .prepare(
        `DELETE FROM integration_log WHERE rowid IN
           (SELECT rowid FROM integration_log WHERE at < ? LIMIT ?)`,
      )
      .bind(cutoff, chunkRows)
      .run();
    purge.records += meta.changes;
    if (meta.changes < chunkRows) break;
  }
  // One row per operation and minute that had a rejection: few enough
  // for one statement.
  const { meta } = await db
    .prepare("DELETE FROM limiter_rejections WHERE minute < ?")
    .bind(cutoff)
    .run();
  purge.rejectionMinutes = meta.changes;
  return purge;
}
