import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import {
  type CartAnswer,
  calculate,
  expectConsistent,
  grocery,
  priced,
  putPromotion,
  putRounding,
} from "./promotion-support";
import { addProducts, countRows, postActions, SHOP_ORIGIN } from "./support";

const HOUR = 3_600_000;

const finals = (cart: CartAnswer) =>
  Object.fromEntries(cart.lines.map((line) => [line.product, line.final]));

const recorded = (siteId: string) =>
  countRows(
    "SELECT COUNT(*) AS n FROM actions WHERE site_id = ? AND operation = 'CalculateCart'",
    siteId,
  );

describe("CalculateCart without promotions", () => {
  it("prices the cart at the stored prices and records the calculation", async () => {
    await grocery("cart-plain");
    const cart = await priced("cart-plain", {
      id: "cart-plain-0001",
      device: "dev-1",
      customer: "c-1",
      items: [{ product: "milk", quantity: 2 }, { product: "bread" }],
    });

    expect(cart).toEqual({
      id: "cart-plain-0001",
      recorded: true,
      currency: "USD",
      exponent: 2,
      lines: [
        {
          product: "milk",
          quantity: 2,
          unitPrice: 199,
          base: 398,
          discounts: [],
          final: 398,
        },
        {
          product: "bread",
          quantity: 1,
          unitPrice: 250,
          base: 250,
          discounts: [],
          final: 250,
        },
      ],
      promotions: [],
      totals: { base: 648, discount: 0, final: 648 },
    });
    const row = await env.DB.prepare(
      "SELECT operation, device_id, customer_id, data FROM actions WHERE site_id = ? AND id = ?",
    )
      .bind("cart-plain", "cart-plain-0001")
      .first<{
        operation: string;
        device_id: string;
        customer_id: string;
        data: string;
      }>();
    expect(row).toMatchObject({
      operation: "CalculateCart",
      device_id: "dev-1",
      customer_id: "c-1",
    });
    expect(JSON.parse(row?.data ?? "{}")).toMatchObject({
      currency: "USD",
      items: [
        { product: "milk", quantity: 2, unitPrice: 199, final: 398 },
        { product: "bread", quantity: 1, unitPrice: 250, final: 250 },
      ],
      totals: { base: 648, discount: 0, final: 648 },
    });
  });

  it("records an id sent twice once, and still answers", async () => {
    await grocery("cart-twice");
    const body = { id: "cart-twice-0001", items: [{ product: "milk" }] };
    expect((await priced("cart-twice", body)).recorded).toBe(true);
    const again = await priced("cart-twice", body);
    expect(again.recorded).toBe(false);
    expect(again.totals.final).toBe(199);
    expect(await recorded("cart-twice")).toBe(1);
  });

  it("gives the calculation an id when none is sent", async () => {
    await grocery("cart-noid");
    const cart = await priced("cart-noid", { items: [{ product: "milk" }] });
    expect(cart.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await recorded("cart-noid")).toBe(1);
  });

  it("adds up a product listed twice and accepts the right price", async () => {
    await grocery("cart-merge");
    const cart = await priced("cart-merge", {
      currency: "USD",
      items: [
        { product: "milk", quantity: 2, price: "1.99" },
        { product: "milk", price: "1.990" },
      ],
    });
    expect(cart.lines).toMatchObject([{ product: "milk", quantity: 3, final: 597 }]);
  });
});

describe("CalculateCart with promotions", () => {
  it("prices the same cart half-up and half-even", async () => {
    const promotion = {
      kind: "percent-off",
      value: "15",
      target: { type: "product", product: "bread" },
    };
    const up = await grocery("cart-up");
    await putPromotion("cart-up", up.key, "bread-15", promotion);
    const even = await grocery("cart-even");
    await putRounding("cart-even", even.key, { mode: "half-even" });
    await putPromotion("cart-even", even.key, "bread-15", promotion);
    const cart = { items: [{ product: "bread", quantity: 3 }] };

    // 2.50 − 15 % = 2.125 a loaf.
    const halfUp = await priced("cart-up", cart);
    expect(halfUp.lines[0]).toMatchObject({
      base: 750,
      discounts: [{ promotion: "bread-15", amount: 111 }],
      final: 639,
    });
    expect(halfUp.promotions).toEqual([
      {
        id: "bread-15",
        name: "bread-15",
        kind: "percent-off",
        target: { type: "product", product: "bread" },
        amount: 111,
        rounding: { mode: "half-up", step: "0.01", scope: "unit" },
      },
    ]);
    const halfEven = await priced("cart-even", cart);
    expect(halfEven.lines[0]?.final).toBe(636);
    expect(halfEven.promotions[0]?.rounding.mode).toBe("half-even");
  });

  it("applies each kind: percent off, amount off, fixed price, never below zero", async () => {
    const { key } = await grocery("cart-kinds");
    const product = (id: string) => ({ type: "product", product: id });
    await putPromotion("cart-kinds", key, "milk-10", {
      kind: "percent-off",
      value: "10",
      target: product("milk"),
    });
    await putPromotion("cart-kinds", key, "cheese-1", {
      kind: "amount-off",
      value: "1.00",
      target: product("cheese"),
    });
    await putPromotion("cart-kinds", key, "bread-150", {
      kind: "fixed-price",
      value: "1.50",
      target: product("bread"),
    });
    await putPromotion("cart-kinds", key, "soap-20", {
      kind: "amount-off",
      value: "20",
      target: product("soap"),
    });
    const cart = await priced("cart-kinds", {
      items: [
        { product: "milk", quantity: 2 },
        { product: "cheese" },
        { product: "bread" },
        { product: "soap" },
      ],
    });

    // Milk: 1.791 a unit rounds to 1.79.
    expect(finals(cart)).toEqual({ milk: 358, cheese: 350, bread: 150, soap: 0 });
    expect(cart.totals).toEqual({ base: 2097, discount: 1239, final: 858 });
    expectConsistent(cart);
  });

  it("leaves a line alone when a fixed price is above its price", async () => {
    const { key } = await grocery("cart-fixed-high");
    await putPromotion("cart-fixed-high", key, "bread-5", {
      kind: "fixed-price",
      value: "5.00",
      target: { type: "product", product: "bread" },
    });
    const cart = await priced("cart-fixed-high", { items: [{ product: "bread" }] });
    expect(cart.lines[0]).toMatchObject({ discounts: [], final: 250 });
    expect(cart.promotions).toEqual([]);
  });

  it("applies a category promotion to that category's lines only", async () => {
    const { key } = await grocery("cart-category");
    await putPromotion("cart-category", key, "dairy-10", {
      kind: "percent-off",
      value: "10",
      target: { type: "category", category: "Dairy" },
    });
    const cart = await priced("cart-category", {
      items: [{ product: "milk" }, { product: "cheese" }, { product: "bread" }],
    });
    expect(finals(cart)).toEqual({ milk: 179, cheese: 405, bread: 250 });
    expect(cart.promotions.map((promotion) => promotion.amount)).toEqual([65]);
  });

  it("gives each line its best promotion only, ties to the id that sorts first", async () => {
    const { key } = await grocery("cart-best");
    const dairy = { type: "category", category: "Dairy" };
    await putPromotion("cart-best", key, "a-dairy-10", {
      kind: "percent-off",
      value: "10",
      target: dairy,
    });
    await putPromotion("cart-best", key, "b-milk-20", {
      kind: "percent-off",
      value: "20",
      target: { type: "product", product: "milk" },
    });
    await putPromotion("cart-best", key, "c-dairy-10", {
      kind: "percent-off",
      value: "10",
      target: dairy,
    });
    const cart = await priced("cart-best", {
      items: [{ product: "milk" }, { product: "cheese" }],
    });
    expect(cart.lines.map((line) => line.discounts)).toEqual([
      [{ promotion: "b-milk-20", amount: 40 }],
      [{ promotion: "a-dairy-10", amount: 45 }],
    ]);
  });

  it("applies an order promotion from its minimum order value, spread over the lines", async () => {
    const { key } = await grocery("cart-order");
    await putPromotion("cart-order", key, "ten-over-ten", {
      kind: "percent-off",
      value: "10",
      target: { type: "order" },
      minOrderValue: "10.00",
    });
    const small = await priced("cart-order", { items: [{ product: "milk" }] });
    expect(small.totals.discount).toBe(0);

    // 12.49 − 10 % = 11.241 → 11.24, split 999 : 250 by largest remainder.
    const large = await priced("cart-order", {
      items: [{ product: "soap" }, { product: "bread" }],
    });
    expect(large.totals).toEqual({ base: 1249, discount: 125, final: 1124 });
    expect(finals(large)).toEqual({ soap: 899, bread: 225 });
    expectConsistent(large);
  });

  it("applies an order promotion after the line promotions", async () => {
    const { key } = await grocery("cart-both");
    await putPromotion("cart-both", key, "milk-half", {
      kind: "fixed-price",
      value: "1.00",
      target: { type: "product", product: "milk" },
    });
    await putPromotion("cart-both", key, "two-off", {
      kind: "amount-off",
      value: "2",
      target: { type: "order" },
    });
    const cart = await priced("cart-both", {
      items: [{ product: "milk", quantity: 2 }, { product: "cheese" }],
    });
    // 2 × 1.00 + 4.50 = 6.50; minus 2.00 = 4.50 split 200 : 450.
    expect(cart.totals).toEqual({ base: 848, discount: 398, final: 450 });
    expect(cart.lines.map((line) => line.discounts)).toEqual([
      [
        { promotion: "milk-half", amount: 198 },
        { promotion: "two-off", amount: 62 },
      ],
      [{ promotion: "two-off", amount: 138 }],
    ]);
    expectConsistent(cart);
  });

  it("applies only promotions that are enabled and live now", async () => {
    const { key } = await grocery("cart-dates");
    const now = Date.now();
    const milk = { kind: "amount-off", target: { type: "product", product: "milk" } };
    await putPromotion("cart-dates", key, "future", {
      ...milk,
      value: "1.90",
      startsAt: now + HOUR,
    });
    await putPromotion("cart-dates", key, "past", {
      ...milk,
      value: "1.80",
      endsAt: now - 1,
    });
    await putPromotion("cart-dates", key, "off", {
      ...milk,
      value: "1.70",
      enabled: false,
    });
    await putPromotion("cart-dates", key, "rich-only", {
      ...milk,
      value: "1.60",
      minOrderValue: "100",
    });
    await putPromotion("cart-dates", key, "current", {
      ...milk,
      value: "0.50",
      startsAt: now - HOUR,
      endsAt: now + HOUR,
    });
    const cart = await priced("cart-dates", { items: [{ product: "milk" }] });
    expect(cart.lines[0]?.discounts).toEqual([{ promotion: "current", amount: 50 }]);
  });

  it("rounds per unit, per line or once per promotion, as the scope says", async () => {
    const { key } = await grocery("cart-scopes");
    const cart = { items: [{ product: "milk", quantity: 3 }, { product: "cheese" }] };
    const totals: Record<string, number> = {};
    for (const scope of ["unit", "line", "order"]) {
      await putPromotion("cart-scopes", key, "dairy", {
        kind: "percent-off",
        value: "12.5",
        target: { type: "category", category: "Dairy" },
        rounding: { step: "0.10", scope },
      });
      const answer = await priced("cart-scopes", cart);
      expectConsistent(answer);
      totals[scope] = answer.totals.final;
      if (scope === "order") expect(finals(answer)).toEqual({ milk: 525, cheese: 395 });
    }
    // Milk 1.74125 a unit, cheese 3.9375; exactly 9.16125 together.
    expect(totals).toEqual({ unit: 900, line: 910, order: 920 });
  });

  it("lets a promotion override the site's mode and step", async () => {
    const { key } = await grocery("cart-override");
    await putRounding("cart-override", key, { mode: "half-even" });
    const bread15 = {
      kind: "percent-off",
      value: "15",
      target: { type: "product", product: "bread" },
    };
    const cart = { items: [{ product: "bread" }] };
    await putPromotion("cart-override", key, "bread", {
      ...bread15,
      rounding: { mode: "half-up" },
    });
    expect((await priced("cart-override", cart)).totals.final).toBe(213);
    // 2.125 is 42.5 steps of 0.05: the even neighbour is 42.
    await putPromotion("cart-override", key, "bread", {
      ...bread15,
      rounding: { step: "0.05" },
    });
    expect((await priced("cart-override", cart)).totals.final).toBe(210);
  });

  it("never rounds a price above the price without the promotion", async () => {
    const { key } = await grocery("cart-cap");
    await putPromotion("cart-cap", key, "milk-1", {
      kind: "percent-off",
      value: "1",
      target: { type: "product", product: "milk" },
      rounding: { step: "0.10" },
    });
    // 1.9701 rounds to 2.00, above 1.99: the line keeps 1.99.
    const cart = await priced("cart-cap", { items: [{ product: "milk" }] });
    expect(cart.lines[0]).toMatchObject({ discounts: [], final: 199 });
  });

  it("prices whole yen and thousandths of a dinar", async () => {
    const yen = await grocery("cart-jpy", "JPY");
    await addProducts("cart-jpy", [{ id: "rice", category: "Pantry", price: 1100 }]);
    await putPromotion("cart-jpy", yen.key, "rice", {
      kind: "percent-off",
      value: "12.5",
      target: { type: "product", product: "rice" },
    });
    // ¥1100 − 12.5 % = ¥962.5
    const up = await priced("cart-jpy", {
      currency: "JPY",
      items: [{ product: "rice" }],
    });
    expect(up).toMatchObject({ currency: "JPY", exponent: 0, totals: { final: 963 } });
    await putRounding("cart-jpy", yen.key, { mode: "half-even", step: "10" });
    const even = await priced("cart-jpy", { items: [{ product: "rice" }] });
    expect(even.totals.final).toBe(960);

    const dinar = await grocery("cart-kwd", "KWD");
    await addProducts("cart-kwd", [{ id: "dates", category: "Pantry", price: 2345 }]);
    await putPromotion("cart-kwd", dinar.key, "dates", {
      kind: "percent-off",
      value: "50",
      target: { type: "product", product: "dates" },
    });
    // 2.345 KWD / 2 = 1.1725
    const fils = await priced("cart-kwd", {
      items: [{ product: "dates", price: "2.345" }],
    });
    expect(fils).toMatchObject({ currency: "KWD", exponent: 3, totals: { final: 1173 } });
  });

  it("keeps lines adding up to the total over random carts and promotions", async () => {
    const { key } = await grocery("cart-random");
    await addProducts(
      "cart-random",
      Array.from({ length: 20 }, (_, index) => ({
        id: `item-${index}`,
        category: `aisle-${index % 4}`,
        price: 7 + ((index * 7919) % 4000),
      })),
    );
    const promotions = [
      [
        "aisle-0",
        "percent-off",
        "12.5",
        { mode: "half-even", step: "0.05", scope: "order" },
      ],
      ["aisle-1", "amount-off", "0.33", { step: "0.10", scope: "unit" }],
      ["aisle-2", "fixed-price", "9.99", { scope: "line", step: "0.25" }],
      ["aisle-3", "percent-off", "33.3333", null],
    ] as const;
    for (const [category, kind, value, rounding] of promotions) {
      await putPromotion("cart-random", key, category, {
        kind,
        value,
        target: { type: "category", category },
        rounding,
      });
    }
    await putPromotion("cart-random", key, "order-7", {
      kind: "percent-off",
      value: "7.77",
      target: { type: "order" },
      rounding: { step: "0.05" },
    });

    let seed = 7;
    const next = (limit: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % limit;
    };
    for (let n = 0; n < 30; n++) {
      const items = Array.from({ length: 1 + next(12) }, () => ({
        product: `item-${next(20)}`,
        quantity: 1 + next(5),
      }));
      expectConsistent(await priced("cart-random", { items }));
    }
  });
});

describe("CalculateCart refusals", () => {
  const milk = [{ product: "milk" }];
  it.each([
    [[], "body", "must be an object"],
    [{}, "items", "1 to 100 items"],
    [{ items: [] }, "items", "1 to 100 items"],
    [
      { items: Array.from({ length: 101 }, () => ({ product: "milk" })) },
      "items",
      "1 to 100",
    ],
    [{ items: ["milk"] }, "items.0", "must be an object"],
    [{ items: [{ product: "no spaces" }] }, "items.0.product", "1 to 64"],
    [{ items: [{ product: "milk", quantity: 0 }] }, "items.0.quantity", "1 to 999"],
    [{ items: [{ product: "milk", quantity: 1000 }] }, "items.0.quantity", "1 to 999"],
    [{ items: [{ product: "milk", quantity: 1.5 }] }, "items.0.quantity", "whole number"],
    [{ items: [{ product: "milk", quantity: "2" }] }, "items.0.quantity", "whole number"],
    [
      {
        items: [
          { product: "milk", quantity: 600 },
          { product: "milk", quantity: 400 },
        ],
      },
      "items.1.quantity",
      "more than 999 units",
    ],
    [{ items: [{ product: "milk", price: 1.99 }] }, "items.0.price", "not a JSON number"],
    [{ items: [{ product: "milk", price: "1.999" }] }, "items.0.price", "has 3 decimals"],
    [
      { items: [{ product: "milk", price: "1e0" }] },
      "items.0.price",
      "without an exponent",
    ],
    [
      { items: [{ product: "milk", price: "-1.99" }] },
      "items.0.price",
      "must not be negative",
    ],
    [
      { items: [{ product: "milk", sku: "x" }] },
      "items.0.sku",
      "not a field of a cart item",
    ],
    [{ items: milk, currency: "XYZ" }, "currency", "ISO 4217"],
    [{ items: milk, currency: "usd" }, "currency", "ISO 4217"],
    [{ items: milk, currency: "EUR" }, "currency", "must be USD, the site's currency"],
    [{ items: milk, coupon: "FREE" }, "coupon", "not a field of CalculateCart"],
    [{ items: milk, id: "no spaces" }, "id", "1 to 64"],
    [{ items: milk, device: "no spaces" }, "device", "1 to 64"],
    [{ items: milk, customer: "" }, "customer", "1 to 128"],
  ])(
    "refuses %j naming %s, counting and storing nothing",
    async (body, field, message) => {
      const siteId = `cart-bad-${Math.random().toString(36).slice(2, 10)}`;
      await grocery(siteId);
      const response = await calculate(siteId, body);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as ErrorBody;
      expect(error).toMatchObject({ code: "invalid_cart", field });
      expect(error.message).toContain(message);
      expect(await recorded(siteId)).toBe(0);
    },
  );

  it("refuses a product the site does not have, and a price that is not the stored one", async () => {
    await grocery("cart-unknown");
    const unknown = await calculate("cart-unknown", {
      items: [{ product: "milk" }, { product: "caviar" }],
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error).toMatchObject({
      code: "unknown_product",
      field: "items.1.product",
    });

    const stale = await calculate("cart-unknown", {
      items: [{ product: "bread" }, { product: "milk", price: "1.89" }],
    });
    expect(stale.status).toBe(400);
    const { error } = (await stale.json()) as ErrorBody;
    expect(error).toMatchObject({ code: "price_mismatch", field: "items.1.price" });
    expect(error.message).toContain("1.99 USD");
    expect(await recorded("cart-unknown")).toBe(0);
  });

  it("refuses bodies that are not JSON", async () => {
    await grocery("cart-json");
    const response = await calculate("cart-json", undefined, {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_json");
  });

  it("answers browsers from the site's origins only", async () => {
    await grocery("cart-cors");
    const body = { items: [{ product: "milk" }] };
    const allowed = await calculate("cart-cors", body, { Origin: SHOP_ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    const other = await calculate("cart-cors", body, { Origin: "https://evil.example" });
    expect(other.status).toBe(403);
  });

  it("is refused in a batch of actions", async () => {
    await grocery("cart-batch");
    const response = await postActions("cart-batch", [
      {
        id: "cart-batch-0001",
        operation: "CalculateCart",
        at: Date.now(),
        data: { items: [{ product: "milk" }] },
      },
    ]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(
      "actions.0.operation",
    );
  });
});

describe("CalculateCart and the ceiling", () => {
  it("answers 429 with Retry-After past the ceiling, recording only what it admitted", async () => {
    await grocery("cart-ceiling");
    await env.DB.prepare(
      "UPDATE sites SET operation_ceiling = 2 WHERE id = 'cart-ceiling'",
    ).run();
    const body = { items: [{ product: "milk" }] };
    expect((await calculate("cart-ceiling", body)).status).toBe(200);
    expect((await calculate("cart-ceiling", body)).status).toBe(200);

    const over = await calculate("cart-ceiling", body, { Origin: SHOP_ORIGIN });
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(((await over.json()) as ErrorBody).error).toMatchObject({
      code: "ceiling_reached",
      operation: "CalculateCart",
      ceiling: 2,
      retryAfter,
    });
    expect(await recorded("cart-ceiling")).toBe(2);

    // Other operations have their own count.
    const view = await postActions("cart-ceiling", [
      {
        id: "cart-ceiling-view",
        operation: "ViewProduct",
        at: Date.now(),
        data: { product: "milk" },
      },
    ]);
    expect(view.status).toBe(202);
  });
});
