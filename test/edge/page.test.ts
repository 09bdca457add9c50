import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody, PageResponse } from "../../edge/contract";
import { recommendationDefaults } from "../../templates/recommendations/settings";
import {
  actionId,
  addProducts,
  call,
  createSite,
  postActions,
  SHOP_ORIGIN,
} from "./support";

async function putWidget(
  siteId: string,
  key: string,
  id: string,
  settings: Record<string, unknown>,
) {
  const response = await call(`/v1/sites/${siteId}/admin/widgets/${id}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: id, settings }),
  });
  expect(response.status).toBe(201);
}

/** A small shop: milk is bought with bread twice and with eggs once. */
async function groceryShop(siteId: string) {
  const site = await createSite(siteId);
  await addProducts(siteId, [
    { id: "milk", category: "Dairy" },
    { id: "cheese", category: "Dairy" },
    { id: "bread", category: "Bakery" },
    { id: "eggs", category: "Dairy" },
    { id: "soap", category: "Household" },
  ]);
  const order = (id: string, products: string[]) => ({
    id: actionId(),
    operation: "Order",
    at: Date.now() - 60_000,
    data: { order: id, items: products.map((product) => ({ product })) },
  });
  await postActions(siteId, [
    order("o1", ["milk", "bread"]),
    order("o2", ["milk", "bread", "eggs"]),
    order("o3", ["soap"]),
    order("o4", ["soap"]),
    order("o5", ["soap", "cheese"]),
  ]);
  await putWidget(siteId, site.key, "fbt", {
    algorithm: "frequently-bought-together",
    count: 3,
    pages: ["product"],
  });
  await putWidget(siteId, site.key, "best", {
    algorithm: "bestsellers",
    count: 2,
    pages: ["home"],
  });
  await putWidget(siteId, site.key, "recent", { algorithm: "recently-viewed", count: 5 });
  await putWidget(siteId, site.key, "same", {
    algorithm: "similar",
    count: 5,
    pages: ["product"],
  });
  return site;
}

function pageUrl(siteId: string, params: Record<string, string>) {
  const query = new URLSearchParams({ url: "https://shop.example/p", ...params });
  return `/v1/sites/${siteId}/page?${query}`;
}

const ids = (widget: { items: { id: string }[] } | undefined) =>
  widget?.items.map((item) => item.id);

describe("GET /v1/sites/:site/page", () => {
  it("answers the widgets of the page type with their items resolved", async () => {
    await groceryShop("page-product");
    const response = await call(
      pageUrl("page-product", {
        type: "product",
        product: "milk",
        widgets: "fbt,best,same",
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as PageResponse;

    expect(body.site).toEqual({
      id: "page-product",
      name: "Shop page-product",
      locale: "en-US",
      currency: "USD",
    });
    expect(body.widgets.map((widget) => widget.id)).toEqual(["fbt", "same"]);
    const fbt = body.widgets.find((widget) => widget.id === "fbt");
    // Scores are (orders with milk + 5 · share of orders) / (2 + 5): bread
    // 2 + 2/5·5 = 4, soap (never with milk, but in 3 of 5 orders) 0 + 3 = 3,
    // eggs 1 + 1 = 2, cheese 0 + 1 = 1.
    expect(ids(fbt)).toEqual(["bread", "soap", "eggs"]);
    expect(fbt?.settings).toEqual({
      ...recommendationDefaults,
      algorithm: "frequently-bought-together",
      count: 3,
      pages: ["product"],
    });
    expect(fbt?.items[0]).toEqual({
      id: "bread",
      name: "Product bread",
      category: "Bakery",
      price: 199,
      url: "/products/bread",
      image: "/images/bread.svg",
    });
    expect(ids(body.widgets.find((widget) => widget.id === "same"))).toEqual([
      "cheese",
      "eggs",
    ]);
  });

  it("resolves every widget of the page type without `widgets`, and none with it empty", async () => {
    await groceryShop("page-widgets-param");
    const widgetIds = async (params: Record<string, string>) => {
      const response = await call(pageUrl("page-widgets-param", params));
      const body = (await response.json()) as PageResponse;
      return body.widgets.map((widget) => widget.id).sort();
    };
    expect(await widgetIds({ type: "product", product: "milk" })).toEqual([
      "fbt",
      "recent",
      "same",
    ]);
    // What the runtime sends for a page without placeholders.
    expect(await widgetIds({ type: "product", product: "milk", widgets: "" })).toEqual(
      [],
    );
  });

  it("ranks bestsellers by units over the window and leaves out old orders", async () => {
    await groceryShop("page-best");
    await postActions("page-best", [
      {
        id: actionId(),
        operation: "Order",
        at: Date.now() - 29 * 24 * 3600 * 1000,
        data: { order: "old", items: [{ product: "eggs", quantity: 50 }] },
      },
    ]);
    await env.DB.prepare(
      "UPDATE widgets SET settings = json_set(settings, '$.windowDays', 7) WHERE site_id = 'page-best' AND id = 'best'",
    ).run();
    const body = (await (
      await call(pageUrl("page-best", { type: "home" }))
    ).json()) as PageResponse;
    expect(ids(body.widgets.find((widget) => widget.id === "best"))).toEqual([
      "soap",
      "bread",
    ]);
  });

  it("shows what this device viewed, newest first, without the current product", async () => {
    await groceryShop("page-recent");
    const viewAt = (product: string, at: number, device = "dev-r") => ({
      id: actionId(),
      operation: "ViewProduct",
      at,
      device,
      data: { product },
    });
    const now = Date.now();
    await postActions("page-recent", [
      viewAt("cheese", now - 3000),
      viewAt("bread", now - 2000),
      viewAt("milk", now - 1000),
      viewAt("soap", now, "other-device"),
    ]);
    const body = (await (
      await call(
        pageUrl("page-recent", {
          type: "product",
          product: "milk",
          device: "dev-r",
          widgets: "recent",
        }),
      )
    ).json()) as PageResponse;
    expect(ids(body.widgets[0])).toEqual(["bread", "cheese"]);
  });

  it("answers 304 when the client holds the current version", async () => {
    await groceryShop("page-etag");
    const url = pageUrl("page-etag", { type: "home" });
    const first = await call(url);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await call(url, { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("changes the ETag when a widget changes", async () => {
    const site = await groceryShop("page-etag-change");
    const url = pageUrl("page-etag-change", { type: "home" });
    const before = (await call(url)).headers.get("etag");
    await putWidget("page-etag-change", site.key, "fresh", {
      title: "New",
      pages: ["home"],
    });
    const after = await call(url, { headers: { "If-None-Match": before ?? "" } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
  });

  it.each([
    ["a missing url", {}, "url"],
    ["a javascript: url", { url: "javascript:alert(1)" }, "url"],
    ["an unknown page type", { type: "checkout" }, "type"],
    ["a bad product id", { product: "a b" }, "product"],
    [
      "too many cart items",
      { cart: Array.from({ length: 101 }, (_, i) => `p${i}`).join(",") },
      "cart",
    ],
  ])("answers 400 for %s", async (_, params, field) => {
    await createSite("page-bad").catch(() => undefined);
    const query = new URLSearchParams({ url: "https://shop.example/", ...params });
    if (!("url" in params) && field === "url") query.delete("url");
    const response = await call(`/v1/sites/page-bad/page?${query}`, {
      headers: { Origin: SHOP_ORIGIN },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
  });
});

describe("GET /v1/sites/:site/recommendations/:widget", () => {
  it("answers one widget's items for a server-side caller", async () => {
    await groceryShop("recs-server");
    const response = await call(
      "/v1/sites/recs-server/recommendations/fbt?product=bread",
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[] };
    // As above, from bread: milk 2 + 2, soap 0 + 3, eggs 1 + 1.
    expect(body.items.map((item) => item.id)).toEqual(["milk", "soap", "eggs"]);
  });

  it("answers 404 for an unknown widget", async () => {
    await groceryShop("recs-missing");
    const response = await call("/v1/sites/recs-missing/recommendations/nope");
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.field).toBe("widget");
  });
});
