import { isRecord } from "../../templates/validation";

/** One call made with an integration's key, as monitoring lists it. */
export interface CallRecord {
  siteId: string;
  integrationId: string;
  at: number;
  requestId: string;
  method: string;
  path: string;
  operations: string[];
  status: number;
  durationMs: number;
  errorCode: string | null;
  errorMessage: string | null;
  payload: string;
  payloadTruncated: boolean;
  headers: Record<string, string>;
}

export function insertCallRecord(db: D1Database, record: CallRecord) {
  return db
    .prepare(
      `INSERT INTO integration_log
         (site_id, integration_id, at, request_id, method, path, operations, status,
          duration_ms, error_code, error_message, payload, payload_truncated, headers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      record.siteId,
      record.integrationId,
      record.at,
      record.requestId,
      record.method,
      record.path,
      JSON.stringify(record.operations),
      record.status,
      record.durationMs,
      record.errorCode,
      record.errorMessage,
      record.payload,
      record.payloadTruncated ? 1 : 0,
      JSON.stringify(record.headers),
    );
}

const MAX_NAMED = 10;

/**
 * The operations a call names, read from its body, so that a record of a
 * refused batch (400, 403, 429) still says what was tried. At most ten
 * distinct names, each cut to 64 characters: the body is untrusted.
 */
export function namedOperations(body: string, fixed: string | null): string[] {
  if (fixed) return [fixed];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.actions)) return [];
  const names = new Set<string>();
  for (const action of parsed.actions) {
    if (names.size === MAX_NAMED) break;
    if (isRecord(action) && typeof action.operation === "string") {
      names.add(action.operation.slice(0, 64));
    }
  }
  return [...names];
}
