import type { Operation } from "../../../edge/contract";
import {
  DEGRADED_AT,
  FAILING_AT,
  HEALTH_WINDOW_MS,
  type HealthState,
} from "../../../edge/integrations/health";
import type { IntegrationKind } from "../../../edge/integrations/integration";

export const KIND_LABELS: Record<IntegrationKind, string> = {
  website: "Website",
  backend_api: "Back-end API",
  sending_service_webhook: "Sending service webhook",
};

/** What the form ticks when a kind is chosen; the merchant may change it.
 * A sending service's own webhook route comes with communications, so
 * that kind starts with nothing ticked. */
export const SUGGESTED_OPERATIONS: Record<IntegrationKind, Operation[]> = {
  website: ["ViewPage", "ViewProduct", "ViewCategory", "SetCart"],
  backend_api: ["Order", "AuthorizeCustomer", "CalculateCart"],
  sending_service_webhook: [],
};

export const HEALTH_LABELS: Record<HealthState, string> = {
  healthy: "Healthy",
  degraded: "Degraded",
  failing: "Failing",
  idle: "No calls",
  revoked: "Revoked",
};

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/** The thresholds, said as the monitoring page shows them. */
export const HEALTH_RULE = `Judged on the last ${HEALTH_WINDOW_MS / 60_000} minutes: healthy below ${percent(DEGRADED_AT)} errors, degraded from ${percent(DEGRADED_AT)}, failing from ${percent(FAILING_AT)}. Errors are answers of 400 and above except 429, which are counted apart.`;

export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(1)} %`;
}

export function formatTime(at: number | null): string {
  return at === null ? "never" : new Date(at).toLocaleString();
}
