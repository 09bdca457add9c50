import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import type { Session } from "../session/session-store";
import { ApiProblem, problemOf } from "./problem";
import type {
  PreviewAnswer,
  ProductCard,
  SiteInfo,
  WidgetBody,
  WidgetRecord,
} from "./types";

/** The admin API of one site, as the editor calls it. */
export interface AdminApi {
  /** Any admin route, for the back-office sections: `path` is relative to
   * `/v1/sites/<site>/admin`, e.g. "/promotions". Throws an ApiProblem
   * for any answer but 2xx. */
  request<T>(path: string, init?: AdminRequest): Promise<T>;
  settings(): Promise<SiteInfo>;
  listWidgets(): Promise<WidgetRecord[]>;
  /** Undefined when there is no such widget. */
  findWidget(id: string): Promise<WidgetRecord | undefined>;
  saveWidget(id: string, body: WidgetBody): Promise<WidgetRecord>;
  deleteWidget(id: string): Promise<void>;
  searchProducts(query: string, limit: number): Promise<ProductCard[]>;
  previewItems(
    settings: RecommendationSettings,
    product: string | undefined,
    signal?: AbortSignal,
  ): Promise<PreviewAnswer>;
}

export interface AdminRequest {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls `/v1/sites/<site>/admin/…` on the editor's own origin: the worker
 * serves both, and `npm run dev` proxies the API to one.
 */
export function createAdminApi(session: Session, request: typeof fetch): AdminApi {
  const base = `/v1/sites/${encodeURIComponent(session.site)}/admin`;

  async function call(path: string, init: AdminRequest = {}): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.key}` };
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await request(`${base}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiProblem(
        0,
        "network_error",
        "The edge did not answer. Is the worker running (npm start)?",
      );
    }
    if (!response.ok && response.status !== 404) throw await problemOf(response);
    return response;
  }

  async function json<T>(path: string, init?: Parameters<typeof call>[1]): Promise<T> {
    const response = await call(path, init);
    if (!response.ok) throw await problemOf(response);
    // 204 No Content (a deletion, say) has no body to read.
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const widgetPath = (id: string) => `/widgets/${encodeURIComponent(id)}`;

  return {
    request: json,
    settings: () => json<SiteInfo>("/settings"),
    listWidgets: async () =>
      (await json<{ widgets: WidgetRecord[] }>("/widgets")).widgets,
    async findWidget(id) {
      const response = await call(widgetPath(id));
      if (response.status === 404) return undefined;
      return (await response.json()) as WidgetRecord;
    },
    saveWidget: (id, body) => json<WidgetRecord>(widgetPath(id), { method: "PUT", body }),
    async deleteWidget(id) {
      const response = await call(widgetPath(id), { method: "DELETE" });
      if (!response.ok) throw await problemOf(response);
    },
    async searchProducts(query, limit) {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      return (await json<{ products: ProductCard[] }>(`/products?${params}`)).products;
    },
    previewItems: (settings, product, signal) =>
      json<PreviewAnswer>("/widgets/preview", {
        method: "POST",
        body: { settings, product },
        signal,
      }),
  };
}
