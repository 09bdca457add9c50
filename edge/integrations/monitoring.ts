import { HEALTH_WINDOW_MS, healthOf } from "./health";
import type { Integration } from "./integration";

/** Records are kept this long, then removed by the scheduled handler. */
export const RECORD_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Which answers a records query wants: a status class, "error" (400 and
 * up, 429 included), or one exact status. */
export type StatusFilter = "2xx" | "4xx" | "5xx" | "error" | number;

export interface RecordQuery {
  integration: string | null;
  operation: string | null;
  status: StatusFilter | null;
  from: number | null;
  to: number | null;
  limit: number;
}

interface RecordRow {
  integration_id: string;
  at: number;
  request_id: string;
  method: string;
  path: string;
  operations: string;
  status: number;
  duration_ms: number;
  error_code: string | null;
  error_message: string | null;
  payload: string;
  payload_truncated: number;
  headers: string;
}

/** The newest records matching `query`, and how many match in all. */
export async function findRecords(db: D1Database, siteId: string, query: RecordQuery) {
  const filters = ["site_id = ?"];
  const args: unknown[] = [siteId];
  if (query.integration) {
    filters.push("integration_id = ?");
    args.push(query.integration);
  }
  if (query.operation) {
    filters.push("EXISTS (SELECT 1 FROM json_each(operations) WHERE value = ?)");
    args.push(query.operation);
  }
  if (query.status !== null) {
    const [low, high] = statusRange(query.status);
    filters.push("status BETWEEN ? AND ?");
    args.push(low, high);
  }
  if (query.from !== null) {
    filters.push("at >= ?");
    args.push(query.from);
  }
  if (query.to !== null) {
    filters.push("at < ?");
    args.push(query.to);
  }
  const where = filters.join(" AND ");
  const [rows, total] = await db.batch([
    db
      .prepare(
        `SELECT integration_id, at, request_id, method, path, operations, status, duration_ms,
           error_code, error_message, payload, payload_truncated, headers
         FROM integration_log WHERE ${where} ORDER BY at DESC, rowid DESC LIMIT ?`,
      )
      .bind(...args, query.limit),
    db.prepare(`SELECT count(*) AS n FROM integration_log WHERE ${where}`).bind(...args),
  ]);
  return {
    total: (total?.results[0] as { n: number } | undefined)?.n ?? 0,
    records: ((rows?.results ?? []) as RecordRow[]).map((row) => ({
      integration: row.integration_id,
      at: row.at,
      requestId: row.request_id,
      method: row.method,
      path: row.path,
      operations: JSON.parse(row.operations) as string[],
      status: row.status,
      durationMs: row.duration_ms,
      error: row.error_code ? { code: row.error_code, message: row.error_message } : null,
      payload: row.payload,
      payloadTruncated: row.payload_truncated === 1,
      headers: JSON.parse(row.headers) as Record<string, string>,
    })),
  };
}

function statusRange(status: StatusFilter): [number, number] {
  if (typeof status === "number") return [status, status];
  if (status === "2xx") return [200, 299];
  if (status === "4xx") return [400, 499];
  if (status === "5xx") return [500, 599];
  return [400, 599];
}

interface TotalsRow {
  integration_id: string;
  calls_hour: number;
  errors_hour: number;
  rejected_hour: number;
  calls_day: number;
  errors_day: number;
  last_at: number;
}

/** Each integration's calls, errors and 429s over the last hour and day,
 * and its health state (edge/integrations/health.ts). */
export async function integrationHealth(
  db: D1Database,
  siteId: string,
  integrations: Integration[],
  now: number,
) {
  const { results } = await db
    .prepare(
      `SELECT integration_id,
         sum(at >= ?2) AS calls_hour,
         sum(at >= ?2 AND status >= 400 AND status <> 429) AS errors_hour,
         sum(at >= ?2 AND status = 429) AS rejected_hour,
         count(*) AS calls_day,
         sum(status >= 400 AND status <> 429) AS errors_day,
         max(at) AS last_at
       FROM integration_log WHERE site_id = ?1 AND at >= ?3
       GROUP BY integration_id`,
    )
    .bind(siteId, now - HEALTH_WINDOW_MS, now - DAY_MS)
    .all<TotalsRow>();
  const byId = new Map(results.map((row) => [row.integration_id, row]));
  return integrations.map((integration) => {
    const row = byId.get(integration.id);
    const hour = { calls: row?.calls_hour ?? 0, errors: row?.errors_hour ?? 0 };
    const day = { calls: row?.calls_day ?? 0, errors: row?.errors_day ?? 0 };
    const health = healthOf(hour.calls, hour.errors, integration.revokedAt !== null);
    return {
      integration: integration.id,
      name: integration.name,
      state: health.state,
      lastHour: {
        ...hour,
        rejected: row?.rejected_hour ?? 0,
        errorRate: health.errorRate,
      },
      lastDay: { ...day, errorRate: day.calls === 0 ? null : day.errors / day.calls },
      lastCallAt: row?.last_at ?? null,
    };
  });
}

/** The ceiling's rejections, per operation and minute, from the limiter's
 * own table (edge/limiter): every caller of the site, anonymous ones too. */
export async function rejectionsPerMinute(
  db: D1Database,
  siteId: string,
  from: number,
  to: number,
) {
  const { results } = await db
    .prepare(
      `SELECT minute, operation, rejected FROM limiter_rejections
       WHERE site_id = ? AND minute >= ? AND minute < ?
       ORDER BY minute DESC, operation LIMIT 1440`,
    )
    .bind(siteId, from, to)
    .all<{ minute: number; operation: string; rejected: number }>();
  return results;
}
