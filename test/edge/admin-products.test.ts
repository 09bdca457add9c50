import { describe, expect, it } from "vitest";
import type { ErrorBody, ProductCard } from "../../edge/contract";
import { actionId, addProducts, call, createSite, postActions } from "./support";

async function products(siteId: string, key: string, query: string) {
  const response = await call(`/v1/sites/${siteId}/admin/products?${query}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return response;
}

const ids = async (response: Response) =>
  ((await response.json()) as { products: ProductCard[] }).products.map((p) => p.id);

describe("GET /v1/sites/:site/admin/products", () => {
  it("lists best sellers of the last 30 days first, then by name", async () => {
    const { key } = await createSite("products-order");
    await addProducts("products-order", [
      { id: "apple", category: "Fruit" },
      { id: "bread", category: "Bakery" },
      { id: "cheese", category: "Dairy" },
    ]);
    await postActions("products-order", [
      {
        id: actionId(),
        operation: "Order",
        at: Date.now() - 60_000,
        data: { order: "o1", items: [{ product: "cheese", quantity: 3 }] },
      },
    ]);
    expect(await ids(await products("products-order", key, ""))).toEqual([
      "cheese",
      "apple",
      "bread",
    ]);
    expect(await ids(await products("products-order", key, "limit=1"))).toEqual([
      "cheese",
    ]);
  });

  it("finds by part of the name or id, any case, wildcards taken literally", async () => {
    const { key } = await createSite("products-search");
    await addProducts("products-search", [
      { id: "whole-milk", category: "Dairy" },
      { id: "butter", category: "Dairy" },
      { id: "half_half", category: "Dairy" },
    ]);
    expect(await ids(await products("products-search", key, "q=MILK"))).toEqual([
      "whole-milk",
    ]);
    expect(await ids(await products("products-search", key, "q=_"))).toEqual([
      "half_half",
    ]);
    expect(await ids(await products("products-search", key, "q=%25"))).toEqual([]);
  });

  it("refuses a bad limit with a 400 naming it, and answers only with the key", async () => {
    const { key } = await createSite("products-bad");
    const response = await products("products-bad", key, "limit=0");
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe("limit");
    expect((await call("/v1/sites/products-bad/admin/products")).status).toBe(401);
  });
});
