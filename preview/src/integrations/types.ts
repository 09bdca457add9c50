import type { Operation } from "../../../edge/contract";
import type { HealthState } from "../../../edge/integrations/health";
import type { IntegrationKind } from "../../../edge/integrations/integration";

/** An integration as the admin API answers it (never its key). */
export interface IntegrationRecord {
  id: string;
  name: string;
  kind: IntegrationKind;
  operations: Operation[];
  keyHint: string;
  createdAt: number;
  keyCreatedAt: number;
  revokedAt: number | null;
}

/** The answer that creates or rotates: the key, shown once. */
export interface WithKey {
  integration: IntegrationRecord;
  key: string;
}

export interface HealthRow {
  integration: string;
  name: string;
  state: HealthState;
  lastHour: { calls: number; errors: number; rejected: number; errorRate: number | null };
  lastDay: { calls: number; errors: number; errorRate: number | null };
  lastCallAt: number | null;
}

export interface CallRecord {
  integration: string;
  at: number;
  requestId: string;
  method: string;
  path: string;
  operations: string[];
  status: number;
  durationMs: number;
  error: { code: string; message: string | null } | null;
  payload: string;
  payloadTruncated: boolean;
  headers: Record<string, string>;
}

export interface RejectionMinute {
  minute: number;
  operation: string;
  rejected: number;
}

export interface RecordFilters {
  integration: string;
  operation: string;
  status: string;
  /** `datetime-local` values, in the browser's time zone; "" for none. */
  from: string;
  to: string;
}
