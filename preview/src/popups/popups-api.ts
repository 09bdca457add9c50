import type { AdminApi } from "../api/admin-api";
import type { PopupBody, PopupRecord } from "./types";

/** The admin API's pop-up routes (edge/routes/admin/popups.ts). */
export function popupsApi(api: AdminApi) {
  const path = (id: string) => `/popups/${encodeURIComponent(id)}`;
  return {
    list: async () => (await api.request<{ popups: PopupRecord[] }>("/popups")).popups,
    find: (id: string) => api.request<PopupRecord>(path(id)),
    /** Creates or replaces: `PUT` is the edge's only write. */
    save: (id: string, body: PopupBody) =>
      api.request<PopupRecord>(path(id), { method: "PUT", body }),
    remove: (id: string) => api.request<void>(path(id), { method: "DELETE" }),
  };
}

export type PopupsApi = ReturnType<typeof popupsApi>;

/** A record as the API showed it is what it takes back. */
export function bodyOf(popup: PopupRecord): PopupBody {
  const { id: _id, updatedAt: _updatedAt, ...body } = popup;
  return body;
}
