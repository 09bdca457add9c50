import type { AdminApi } from "../api/admin-api";
import type {
  ExampleRequest,
  PromotionBody,
  PromotionRecord,
  RoundingExample,
  SiteRounding,
} from "./types";

export type PromotionsApi = ReturnType<typeof promotionsApi>;

/** The admin routes of promotions and rounding, typed. Every failure is
 * the edge's ApiProblem, with the field it names. */
export function promotionsApi(api: AdminApi) {
  const path = (id: string) => `/promotions/${encodeURIComponent(id)}`;
  return {
    list: async () =>
      (await api.request<{ promotions: PromotionRecord[] }>("/promotions")).promotions,
    find: (id: string) => api.request<PromotionRecord>(path(id)),
    save: (id: string, body: PromotionBody) =>
      api.request<PromotionRecord>(path(id), { method: "PUT", body }),
    remove: (id: string) => api.request<void>(path(id), { method: "DELETE" }),
    rounding: () => api.request<SiteRounding>("/rounding"),
    saveRounding: (body: Omit<SiteRounding, "currency" | "warnings">) =>
      api.request<SiteRounding>("/rounding", { method: "PUT", body }),
    example: (body: ExampleRequest, signal: AbortSignal) =>
      api.request<RoundingExample>("/rounding/example", { method: "POST", body, signal }),
    products: api.searchProducts,
    settings: api.settings,
  };
}
