import type { ProductCard } from "../../edge/contract";
import type { WidgetRecord } from "../../preview/src/api/types";
import {
  type RecommendationSettings,
  recommendationDefaults,
  validateRecommendationSettings,
} from "../../templates/recommendations/settings";

export const SITE = "demo";
export const KEY = "vt_sk_test-key";

export function product(id: string): ProductCard {
  return {
    id,
    name: `Product ${id}`,
    category: "Dairy",
    price: 199,
    url: `/demo/products/${id}`,
    image: `/demo/images/${id}.svg`,
  };
}

export function widgetRecord(
  id: string,
  settings: Partial<RecommendationSettings> = {},
  enabled = true,
): WidgetRecord {
  return {
    id,
    name: `Widget ${id}`,
    template: "recommendations",
    enabled,
    settings: { ...recommendationDefaults, ...settings },
    updatedAt: 1,
  };
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * The admin API of one site, in memory, as a `fetch`: enough of the edge's
 * behaviour (key check, validation by the template, 404s) for the editor.
 * `items` decides what the preview gets for a product.
 */
export function fakeAdmin(
  options: {
    widgets?: WidgetRecord[];
    products?: ProductCard[];
    items?: (settings: RecommendationSettings, product: string) => ProductCard[];
  } = {},
) {
  const widgets = new Map((options.widgets ?? []).map((widget) => [widget.id, widget]));
  const products = options.products ?? [product("milk"), product("bread")];
  const items =
    options.items ??
    ((settings: RecommendationSettings) =>
      Array.from({ length: settings.count }, (_, index) => product(`item-${index + 1}`)));
  const calls: Call[] = [];

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const error = (status: number, code: string, message: string, field?: string) =>
    json({ error: { code, message, field } }, status);

  async function request(input: RequestInfo | URL, init: RequestInit = {}) {
    const url = new URL(String(input), "http://editor.test");
    const method = init.method ?? "GET";
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    const prefix = `/v1/sites/${SITE}/admin`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : "";
    calls.push({ method, path: `${path}${url.search}`, body });

    const auth = new Headers(init.headers).get("authorization");
    if (auth !== `Bearer ${KEY}`) {
      return error(401, "unauthorized", "This secret key is unknown or revoked.");
    }
    if (path === "/settings") {
      return json({ id: SITE, name: "Green Basket", locale: "en-US", currency: "USD" });
    }
    if (path === "/products") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      return json({ products: products.filter((each) => each.id.includes(q)) });
    }
    if (path === "/widgets" && method === "GET") {
      return json({ widgets: [...widgets.values()] });
    }
    if (path === "/widgets/preview" && method === "POST") {
      const input = body as { settings: unknown; product: string };
      const checked = validateRecommendationSettings(input.settings);
      if (!checked.ok) {
        return error(400, "invalid_settings", `${checked.field} ${checked.message}.`);
      }
      return json({
        site: { id: SITE, name: "Green Basket", locale: "en-US", currency: "USD" },
        items: items(checked.value, input.product),
      });
    }
    const id = /^\/widgets\/([^/]+)$/.exec(path)?.[1];
    if (id !== undefined) {
      const known = widgets.get(id);
      if (method === "GET") {
        return known ? json(known) : error(404, "not_found", "No such widget.");
      }
      if (method === "DELETE") {
        widgets.delete(id);
        return known
          ? new Response(null, { status: 204 })
          : error(404, "not_found", "No.");
      }
      if (method === "PUT") {
        const sent = body as { name: string; enabled: boolean; settings: unknown };
        const checked = validateRecommendationSettings(sent.settings);
        if (!checked.ok) {
          const message = `${checked.field} ${checked.message}.`;
          return error(400, "invalid_widget", message, checked.field);
        }
        const saved: WidgetRecord = {
          id,
          name: sent.name,
          template: "recommendations",
          enabled: sent.enabled,
          settings: checked.value,
          updatedAt: Date.now(),
        };
        widgets.set(id, saved);
        return json(saved, known ? 200 : 201);
      }
    }
    return error(404, "not_found", "No such route.");
  }

  return { request: request as typeof fetch, widgets, calls };
}
