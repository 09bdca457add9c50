import type { AdminApi } from "../api/admin-api";
import type {
  CallRecord,
  HealthRow,
  IntegrationRecord,
  RecordFilters,
  RejectionMinute,
  WithKey,
} from "./types";

export interface IntegrationInput {
  name: string;
  kind: IntegrationRecord["kind"];
  operations: string[];
}

/** The admin routes of the Integrations section. */
export function integrationsApi(api: AdminApi) {
  const one = (id: string, action: string) =>
    `/integrations/${encodeURIComponent(id)}/${action}`;
  return {
    list: async () =>
      (await api.request<{ integrations: IntegrationRecord[] }>("/integrations"))
        .integrations,
    create: (body: IntegrationInput) =>
      api.request<WithKey>("/integrations", { method: "POST", body }),
    rotate: (id: string) => api.request<WithKey>(one(id, "rotate"), { method: "POST" }),
    revoke: async (id: string) =>
      (
        await api.request<{ integration: IntegrationRecord }>(one(id, "revoke"), {
          method: "POST",
        })
      ).integration,
    health: async () =>
      (
        await api.request<{ windowMinutes: number; integrations: HealthRow[] }>(
          "/integrations/monitoring/health",
        )
      ).integrations,
    records: (filters: RecordFilters, limit: number) =>
      api.request<{ total: number; records: CallRecord[]; retentionDays: number }>(
        `/integrations/monitoring/records?${recordQuery(filters, limit)}`,
      ),
    rejections: async () =>
      (
        await api.request<{ minutes: RejectionMinute[] }>(
          "/integrations/monitoring/rejections",
        )
      ).minutes,
  };
}

export type IntegrationsApi = ReturnType<typeof integrationsApi>;

/** The query of a records request: empty filters are left out; times are
 * the browser's local `datetime-local` values turned into epoch ms. */
export function recordQuery(filters: RecordFilters, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const name of ["integration", "operation", "status"] as const) {
    if (filters[name]) params.set(name, filters[name]);
  }
  for (const name of ["from", "to"] as const) {
    const time = filters[name] ? new Date(filters[name]).getTime() : Number.NaN;
    if (Number.isFinite(time)) params.set(name, String(time));
  }
  return params.toString();
}
