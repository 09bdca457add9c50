import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parseBaskets, splitBaskets } from "../../edge/seed/baskets";
import { buildCatalog } from "../../edge/seed/catalog";
import csv from "../../edge/seed/data/groceries.csv?raw";
import { DEMO_WIDGETS } from "../../edge/seed/demo-widgets";
import { buildOrders, DAY_MS } from "../../edge/seed/orders";
import { productImageSvg } from "../../edge/seed/product-image";
import { seedStatements } from "../../edge/seed/seed-statements";
import { validateRecommendationSettings } from "../../templates/recommendations/settings";

const NOW = Date.UTC(2026, 3, 20, 12);

function options(siteId: string) {
  return {
    now: NOW,
    siteId,
    allowedOrigins: ["http://127.0.0.1:8787"],
    adminSecretHash: `hash-of-${siteId}`,
  };
}

/** Runs statements the way `wrangler d1 execute --file` does locally: one
 * prepared statement each, in one batch (one transaction). */
async function execute(statements: string[]): Promise<void> {
  await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));
}

async function count(table: string, siteColumn: string, siteId: string): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT count(*) AS n FROM ${table} WHERE ${siteColumn} = ?`,
  )
    .bind(siteId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("the Groceries baskets", () => {
  const baskets = parseBaskets(csv);

  it("reads 9,835 baskets of 169 distinct items, 43,367 items in all", () => {
    expect(baskets).toHaveLength(9835);
    expect(new Set(baskets.flat()).size).toBe(169);
    expect(baskets.flat()).toHaveLength(43_367);
    expect(baskets[0]).toEqual([
      "citrus fruit",
      "semi-finished bread",
      "margarine",
      "ready soups",
    ]);
  });

  it("trims names and skips empty lines", () => {
    expect(parseBaskets(" whole milk , yogurt\r\n\n  \nsoda\n")).toEqual([
      ["whole milk", "yogurt"],
      ["soda"],
    ]);
  });

  it("holds out every tenth basket for evaluation", () => {
    const { training, holdout } = splitBaskets(baskets);
    expect(training).toHaveLength(8852);
    expect(holdout).toHaveLength(983);
    expect(holdout[0]).toBe(baskets[9]);
    expect(holdout[1]).toBe(baskets[19]);
    expect(training[9]).toBe(baskets[10]);
  });
});

describe("the demo catalogue", () => {
  const products = buildCatalog(parseBaskets(csv));

  it("has one product per item, with a slug id, an aisle and a grocery price", () => {
    expect(products).toHaveLength(169);
    const milk = products.find((product) => product.id === "whole-milk");
    expect(milk).toMatchObject({
      name: "Whole milk",
      category: "Dairy & eggs",
      url: "/demo/products/whole-milk",
      image: "/demo/images/whole-milk.svg",
    });
    for (const product of products) {
      expect(product.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Number.isInteger(product.price)).toBe(true);
      expect(product.price).toBeGreaterThanOrEqual(49);
      expect(product.price).toBeLessThanOrEqual(1299);
    }
  });

  it("sorts items into aisles by its own keyword rules", () => {
    const aisle = (id: string) => products.find((product) => product.id === id)?.category;
    expect(aisle("frozen-fish")).toBe("Frozen");
    expect(aisle("fruit-vegetable-juice")).toBe("Drinks");
    expect(aisle("bottled-beer")).toBe("Beer, wine & spirits");
    expect(aisle("rolls-buns")).toBe("Bakery");
    expect(aisle("citrus-fruit")).toBe("Fruit & vegetables");
    expect(aisle("canned-fish")).toBe("Pantry");
    expect(aisle("ice-cream")).toBe("Frozen");
    expect(new Set(products.map((product) => product.category)).size).toBeGreaterThan(8);
  });

  it("draws a picture with the name escaped for XML", () => {
    const svg = productImageSvg({ id: "odd", name: `Tom & Jerry's <b>"cheese"</b>` });
    expect(svg).toContain(
      "Tom &#38; Jerry&#39;s &#60;b&#62;&#34;cheese&#34;&#60;/b&#62;",
    );
    expect(svg).not.toContain("<b>");
    expect(svg).toBe(
      productImageSvg({ id: "odd", name: `Tom & Jerry's <b>"cheese"</b>` }),
    );
  });
});

describe("the seeded orders", () => {
  const orders = buildOrders(parseBaskets(csv), NOW);

  it("are the training baskets, placed in the 30 days before now by ~2,000 customers", () => {
    expect(orders).toHaveLength(8852);
    expect(orders[0]?.id).toBe("order-0001");
    expect(orders.some((order) => order.id === "order-0010")).toBe(false);
    for (const order of orders) {
      expect(order.at).toBeLessThan(NOW);
      expect(order.at).toBeGreaterThanOrEqual(NOW - 30 * DAY_MS);
    }
    expect(new Set(orders.map((order) => order.customer)).size).toBe(2000);
  });

  it("merge an item repeated in a basket into one line with its quantity", () => {
    const [order] = buildOrders([["soda", "whole milk", "soda"]], NOW);
    expect(order?.lines).toEqual([
      { product: "soda", quantity: 2 },
      { product: "whole-milk", quantity: 1 },
    ]);
  });
});

describe("the seed statements", () => {
  it("are the same for the same input", () => {
    expect(seedStatements(csv, options("demo"))).toEqual(
      seedStatements(csv, options("demo")),
    );
  });

  it("declare widget settings that the template's validation accepts unchanged", () => {
    expect(DEMO_WIDGETS.map((widget) => widget.id)).toEqual([
      "product-fbt",
      "product-similar",
      "home-bestsellers",
      "recently-viewed",
      "cart-fbt",
    ]);
    for (const widget of DEMO_WIDGETS) {
      const checked = validateRecommendationSettings(widget.settings);
      expect(checked).toEqual({ ok: true, value: widget.settings });
    }
  });

  it("load the whole demo shop into D1", async () => {
    const siteId = "seed-full";
    await execute(seedStatements(csv, options(siteId)));

    expect(await count("sites", "id", siteId)).toBe(1);
    expect(await count("api_keys", "site_id", siteId)).toBe(1);
    expect(await count("products", "site_id", siteId)).toBe(169);
    expect(await count("customers", "site_id", siteId)).toBe(2000);
    expect(await count("devices", "site_id", siteId)).toBe(2000);
    expect(await count("actions", "site_id", siteId)).toBe(8852);
    expect(await count("order_lines", "site_id", siteId)).toBe(39_048);
    expect(await count("widgets", "site_id", siteId)).toBe(5);

    const order = await env.DB.prepare(
      `SELECT operation, product_id, device_id, customer_id, data FROM actions
       WHERE site_id = ? AND id = 'seed-order-0001'`,
    )
      .bind(siteId)
      .first<Record<string, string | null>>();
    expect(order).toMatchObject({ operation: "Order", product_id: null });
    expect(order?.device_id).toMatch(/^device-\d{4}$/);
    expect(JSON.parse(order?.data ?? "")).toEqual({
      order: "order-0001",
      items: [
        { product: "citrus-fruit", quantity: 1 },
        { product: "semi-finished-bread", quantity: 1 },
        { product: "margarine", quantity: 1 },
        { product: "ready-soups", quantity: 1 },
      ],
    });

    const { results } = await env.DB.prepare(
      "SELECT settings FROM widgets WHERE site_id = ?",
    )
      .bind(siteId)
      .all<{ settings: string }>();
    for (const row of results) {
      expect(validateRecommendationSettings(JSON.parse(row.settings)).ok).toBe(true);
    }
  });

  it("keep each statement under D1's 100 KB limit", () => {
    for (const sql of seedStatements(csv, options("demo"))) {
      expect(new TextEncoder().encode(sql).length).toBeLessThan(100_000);
    }
  });

  it("escape names with quotes", async () => {
    const siteId = "seed-quotes";
    const statements = seedStatements("baker's yeast,whole milk\nO'Brien's 'crisps'\n", {
      ...options(siteId),
      allowedOrigins: ["http://it's.example"],
    });
    expect(statements.join("\n")).toContain("'Baker''s yeast'");
    await execute(statements);

    const { results } = await env.DB.prepare(
      "SELECT id, name FROM products WHERE site_id = ? ORDER BY id",
    )
      .bind(siteId)
      .all();
    expect(results).toEqual([
      { id: "baker-s-yeast", name: "Baker's yeast" },
      { id: "o-brien-s-crisps", name: "O'Brien's 'crisps'" },
      { id: "whole-milk", name: "Whole milk" },
    ]);
    const site = await env.DB.prepare("SELECT allowed_origins FROM sites WHERE id = ?")
      .bind(siteId)
      .first<{ allowed_origins: string }>();
    expect(JSON.parse(site?.allowed_origins ?? "")).toEqual(["http://it's.example"]);
  });
});
