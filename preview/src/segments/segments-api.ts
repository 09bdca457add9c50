import type { AdminApi } from "../api/admin-api";
import type { Retention, RetentionPreview, SegmentRecord, SegmentRule } from "./types";

/** The admin routes of the Segments section. */
export function segmentsApi(api: AdminApi) {
  return {
    list: async () =>
      (await api.request<{ segments: SegmentRecord[] }>("/segments")).segments,
    save: (id: string, body: { name: string; rule: SegmentRule }) =>
      api.request<SegmentRecord>(`/segments/${encodeURIComponent(id)}`, {
        method: "PUT",
        body,
      }),
    recompute: (id: string) =>
      api.request<{ entered: number; exited: number; members: number }>(
        `/segments/${encodeURIComponent(id)}/recompute`,
        { method: "POST" },
      ),
    retention: () => api.request<Retention>("/segments/retention"),
    saveRetention: (body: Retention) =>
      api.request<Retention>("/segments/retention", { method: "PUT", body }),
    /** What a run would remove with these settings, saved or not. */
    preview: (draft: Retention, signal?: AbortSignal) => {
      const params = new URLSearchParams({
        days: draft.historyDays === null ? "" : String(draft.historyDays),
        exceptions: draft.exceptions.join(","),
      });
      return api.request<RetentionPreview>(`/segments/retention/preview?${params}`, {
        signal,
      });
    },
  };
}

export type SegmentsApi = ReturnType<typeof segmentsApi>;
