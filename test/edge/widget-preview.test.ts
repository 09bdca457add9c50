import { describe, expect, it } from "vitest";
import type { ErrorBody, PageResponse } from "../../edge/contract";
import type { WidgetPreview } from "../../edge/routes/admin/widget-preview";
import { actionId, addProducts, admin, call, createSite, postActions } from "./support";

const preview = (siteId: string, key: string, body: unknown) =>
  admin(siteId, key, "/widgets/preview", { method: "POST", body: JSON.stringify(body) });

/** Milk is bought with bread twice and with eggs once; soap alone. */
async function shop(siteId: string) {
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
  ]);
  return site;
}

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe("POST /v1/sites/:site/admin/widgets/preview", () => {
  it("answers the items a product page would get for unsaved settings", async () => {
    const { key } = await shop("preview-items");
    const settings = { algorithm: "frequently-bought-together", count: 2 };
    const response = await preview("preview-items", key, { settings, product: "milk" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as WidgetPreview;
    expect(body.site).toMatchObject({ id: "preview-items", currency: "USD" });
    expect(ids(body)).toEqual(["bread", "eggs"]);

    // The same settings, saved, give the page route the same items.
    await admin("preview-items", key, "/widgets/fbt", {
      method: "PUT",
      body: JSON.stringify({
        name: "FBT",
        settings: { ...settings, pages: ["product"] },
      }),
    });
    const page = (await (
      await call(
        "/v1/sites/preview-items/page?url=https://shop.example/p&type=product&product=milk",
      )
    ).json()) as PageResponse;
    expect(page.widgets[0]?.items).toEqual(body.items);
  });

  it("follows count and algorithm, and is empty where the algorithm has nothing", async () => {
    const { key } = await shop("preview-follow");
    const similar = await preview("preview-follow", key, {
      settings: { algorithm: "similar", count: 1 },
      product: "milk",
    });
    expect(ids(await similar.json())).toHaveLength(1);

    const recent = await preview("preview-follow", key, {
      settings: { algorithm: "recently-viewed" },
      product: "milk",
    });
    expect(recent.status).toBe(200);
    expect(ids(await recent.json())).toEqual([]);
  });

  it("refuses invalid settings with a 400 naming the field, as a save would", async () => {
    const { key } = await shop("preview-invalid");
    const cases: [unknown, string][] = [
      [{ settings: { count: 13 } }, "settings.count"],
      [{ settings: { title: " " } }, "settings.title"],
      [{ settings: { colour: "#fff" } }, "settings.colour"],
      [{ settings: {}, product: "no such/id" }, "product"],
      [{ settings: {}, product: "ghost" }, "product"],
      [{ settings: {}, device: "d-1" }, "device"],
    ];
    for (const [body, field] of cases) {
      const response = await preview("preview-invalid", key, body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as ErrorBody).error;
      expect(error.field).toBe(field);
      expect(error.message.startsWith(field)).toBe(true);
    }
  });

  it("needs the site's key", async () => {
    await shop("preview-auth");
    const response = await call("/v1/sites/preview-auth/admin/widgets/preview", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ settings: {} }),
    });
    expect(response.status).toBe(401);
  });
});
