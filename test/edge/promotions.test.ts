import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { MAX_PROMOTIONS } from "../../edge/promotions/store";
import { admin, grocery } from "./promotion-support";
import { countRows, createSite } from "./support";

const tenPercentOffMilk = {
  name: "Milk week",
  kind: "percent-off",
  value: "10",
  target: { type: "product", product: "milk" },
};

const stored = (siteId: string) =>
  countRows("SELECT COUNT(*) AS n FROM promotions WHERE site_id = ?", siteId);

describe("admin promotions", () => {
  it("creates, lists, replaces and deletes a promotion, writing amounts as they were sent", async () => {
    const { key } = await grocery("promo-crud");
    const created = await admin("promo-crud", key, "/promotions/milk-week", {
      method: "PUT",
      body: JSON.stringify({
        ...tenPercentOffMilk,
        value: "12.50",
        minOrderValue: "20",
        startsAt: 1_000,
        endsAt: 2_000,
        rounding: { mode: "half-even", step: "0.05" },
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      id: "milk-week",
      name: "Milk week",
      kind: "percent-off",
      value: "12.5",
      currency: "USD",
      target: { type: "product", product: "milk" },
      minOrderValue: "20.00",
      startsAt: 1_000,
      endsAt: 2_000,
      rounding: { mode: "half-even", step: "0.05" },
      enabled: true,
    });

    const replaced = await admin("promo-crud", key, "/promotions/milk-week", {
      method: "PUT",
      body: JSON.stringify({
        name: "Two off",
        kind: "amount-off",
        value: "2",
        target: { type: "order" },
        enabled: false,
      }),
    });
    expect(replaced.status).toBe(200);
    const list = (await (await admin("promo-crud", key, "/promotions")).json()) as {
      promotions: Record<string, unknown>[];
    };
    expect(list.promotions).toEqual([
      {
        id: "milk-week",
        name: "Two off",
        kind: "amount-off",
        value: "2.00",
        currency: "USD",
        target: { type: "order" },
        minOrderValue: null,
        startsAt: null,
        endsAt: null,
        rounding: null,
        enabled: false,
      },
    ]);
    const one = await admin("promo-crud", key, "/promotions/milk-week");
    expect(await one.json()).toEqual(list.promotions[0]);

    const deleted = await admin("promo-crud", key, "/promotions/milk-week", {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    expect((await admin("promo-crud", key, "/promotions/milk-week")).status).toBe(404);
    expect(
      (await admin("promo-crud", key, "/promotions/milk-week", { method: "DELETE" }))
        .status,
    ).toBe(404);
  });

  it("needs the site's key", async () => {
    await grocery("promo-auth");
    const other = await createSite("promo-auth-other");
    expect((await admin("promo-auth", "vt_sk_unknown", "/promotions")).status).toBe(401);
    expect((await admin("promo-auth", other.key, "/promotions")).status).toBe(403);
  });

  it.each([
    [{}, "name", "must be 1 to 80 characters"],
    [{ ...tenPercentOffMilk, name: " " }, "name", "must be 1 to 80 characters"],
    [
      { ...tenPercentOffMilk, kind: "bogo" },
      "kind",
      "percent-off, amount-off, fixed-price",
    ],
    [{ ...tenPercentOffMilk, value: 10 }, "value", "not a JSON number"],
    [{ ...tenPercentOffMilk, value: "0" }, "value", "more than 0 percent"],
    [{ ...tenPercentOffMilk, value: "100.01" }, "value", "at most 100.0000"],
    [{ ...tenPercentOffMilk, value: "12.12345" }, "value", "percentages have at most 4"],
    [{ ...tenPercentOffMilk, value: "-5" }, "value", "must not be negative"],
    [{ ...tenPercentOffMilk, value: "1e1" }, "value", "without an exponent"],
    [{ ...tenPercentOffMilk, value: "" }, "value", "must not be empty"],
    [
      { ...tenPercentOffMilk, kind: "amount-off", value: "2.675" },
      "value",
      "has 3 decimals, but USD amounts have at most 2",
    ],
    [{ ...tenPercentOffMilk, kind: "amount-off", value: "0" }, "value", "more than 0"],
    [
      { ...tenPercentOffMilk, kind: "fixed-price", value: "NaN" },
      "value",
      "plain decimal",
    ],
    [{ ...tenPercentOffMilk, target: undefined }, "target", '{"type": "order"}'],
    [
      { ...tenPercentOffMilk, target: { type: "brand" } },
      "target.type",
      "product, category, order",
    ],
    [{ ...tenPercentOffMilk, target: { type: "product" } }, "target.product", "1 to 64"],
    [
      { ...tenPercentOffMilk, target: { type: "product", product: "no spaces" } },
      "target.product",
      "1 to 64",
    ],
    [
      { ...tenPercentOffMilk, target: { type: "category", category: "" } },
      "target.category",
      "1 to 100",
    ],
    [
      { ...tenPercentOffMilk, target: { type: "order", category: "Dairy" } },
      "target.category",
      "not a field of the order target",
    ],
    [{ ...tenPercentOffMilk, minOrderValue: "ten" }, "minOrderValue", "plain decimal"],
    [{ ...tenPercentOffMilk, minOrderValue: 10 }, "minOrderValue", "not a JSON number"],
    [{ ...tenPercentOffMilk, startsAt: "2026-05-01" }, "startsAt", "epoch milliseconds"],
    [
      { ...tenPercentOffMilk, startsAt: 2_000, endsAt: 2_000 },
      "endsAt",
      "later than startsAt",
    ],
    [{ ...tenPercentOffMilk, rounding: "half-up" }, "rounding", "{mode, step, scope}"],
    [
      { ...tenPercentOffMilk, rounding: { mode: "down" } },
      "rounding.mode",
      "half-up, half-even",
    ],
    [
      { ...tenPercentOffMilk, rounding: { step: "0.001" } },
      "rounding.step",
      "has 3 decimals",
    ],
    [
      { ...tenPercentOffMilk, rounding: { step: "0" } },
      "rounding.step",
      "at least one minor unit of USD (0.01)",
    ],
    [
      { ...tenPercentOffMilk, rounding: { scope: "cart" } },
      "rounding.scope",
      "unit, line, order",
    ],
    [
      { ...tenPercentOffMilk, rounding: { precision: 2 } },
      "rounding.precision",
      "not a rounding setting",
    ],
    [
      { ...tenPercentOffMilk, target: { type: "order" }, rounding: { scope: "line" } },
      "rounding.scope",
      "always rounds the order total",
    ],
    [{ ...tenPercentOffMilk, enabled: "yes" }, "enabled", "true or false"],
    [{ ...tenPercentOffMilk, colour: "red" }, "colour", "not a field of a promotion"],
  ])("refuses %j naming %s, and stores nothing", async (body, field, message) => {
    const siteId = `promo-bad-${Math.random().toString(36).slice(2, 10)}`;
    const { key } = await grocery(siteId);
    const response = await admin(siteId, key, "/promotions/p1", {
      method: "PUT",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("invalid_promotion");
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect(await stored(siteId)).toBe(0);
  });

  it("reads amounts in the site's currency: whole yen, fils to three decimals", async () => {
    const yen = await grocery("promo-jpy", "JPY");
    const half = await admin("promo-jpy", yen.key, "/promotions/p1", {
      method: "PUT",
      body: JSON.stringify({ ...tenPercentOffMilk, kind: "amount-off", value: "1.5" }),
    });
    expect(((await half.json()) as ErrorBody).error).toMatchObject({
      field: "value",
      message: "value has 1 decimal, but JPY amounts are whole numbers.",
    });

    const dinar = await grocery("promo-kwd", "KWD");
    const fils = await admin("promo-kwd", dinar.key, "/promotions/p1", {
      method: "PUT",
      body: JSON.stringify({
        ...tenPercentOffMilk,
        kind: "amount-off",
        value: "1.005",
        rounding: { step: "0.005" },
      }),
    });
    expect(fils.status).toBe(201);
    expect(await fils.json()).toMatchObject({
      value: "1.005",
      currency: "KWD",
      rounding: { step: "0.005" },
    });
  });

  it("refuses a bad id in the path", async () => {
    const { key } = await grocery("promo-id");
    const response = await admin("promo-id", key, "/promotions/bad%20id", {
      method: "PUT",
      body: JSON.stringify(tenPercentOffMilk),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe("id");
  });

  it(`answers 409 for a new promotion past ${MAX_PROMOTIONS}, but still replaces existing ones`, async () => {
    const { key } = await grocery("promo-full");
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
       INSERT INTO promotions (site_id, id, name, kind, value, currency, target_type,
         enabled, created_at, updated_at)
       SELECT ?1, 'p' || i, 'P', 'percent-off', 10000, 'USD', 'order', 1, 0, 0 FROM n`,
    )
      .bind("promo-full", MAX_PROMOTIONS)
      .run();

    const extra = await admin("promo-full", key, "/promotions/one-more", {
      method: "PUT",
      body: JSON.stringify(tenPercentOffMilk),
    });
    expect(extra.status).toBe(409);
    expect(((await extra.json()) as ErrorBody).error.code).toBe("too_many_promotions");
    const again = await admin("promo-full", key, "/promotions/p7", {
      method: "PUT",
      body: JSON.stringify(tenPercentOffMilk),
    });
    expect(again.status).toBe(200);
    expect(await stored("promo-full")).toBe(MAX_PROMOTIONS);
  });

  it("answers 409 when the site's own currency is unknown", async () => {
    const { key } = await grocery("promo-xyz", "XYZ");
    const response = await admin("promo-xyz", key, "/promotions/p1", {
      method: "PUT",
      body: JSON.stringify(tenPercentOffMilk),
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe(
      "unknown_site_currency",
    );
  });
});

describe("admin rounding settings", () => {
  const stepTenWarning =
    "A step of 10.00 is larger than your cheapest product (1.99): rounding each unit price to it can make products free or double their price.";

  it("starts at half-up to the minor unit per unit price, and keeps what is saved", async () => {
    const { key } = await grocery("rounding-crud");
    const defaults = await admin("rounding-crud", key, "/rounding");
    expect(await defaults.json()).toEqual({
      mode: "half-up",
      step: "0.01",
      scope: "unit",
      currency: "USD",
      warnings: [],
    });

    const saved = await admin("rounding-crud", key, "/rounding", {
      method: "PUT",
      body: JSON.stringify({ mode: "half-even", step: "0.05", scope: "line" }),
    });
    expect(saved.status).toBe(200);
    const expected = {
      mode: "half-even",
      step: "0.05",
      scope: "line",
      currency: "USD",
      warnings: [],
    };
    expect(await saved.json()).toEqual(expected);
    expect(await (await admin("rounding-crud", key, "/rounding")).json()).toEqual(
      expected,
    );

    // PUT replaces: what is left out is back to its default.
    await admin("rounding-crud", key, "/rounding", {
      method: "PUT",
      body: JSON.stringify({ step: "10" }),
    });
    expect(await (await admin("rounding-crud", key, "/rounding")).json()).toEqual({
      mode: "half-up",
      step: "10.00",
      scope: "unit",
      currency: "USD",
      warnings: [stepTenWarning],
    });
  });

  it("saves a step larger than the cheapest product, warning in words", async () => {
    const { key } = await grocery("rounding-warn");
    const response = await admin("rounding-warn", key, "/rounding", {
      method: "PUT",
      body: JSON.stringify({ step: "10" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      step: "10.00",
      warnings: [stepTenWarning],
    });
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM rounding_settings WHERE site_id = ? AND step = 1000",
        "rounding-warn",
      ),
    ).toBe(1);

    // The cheapest product is 1.99: a step of exactly 1.99 is not larger.
    for (const step of ["0.05", "1", "1.99"]) {
      const fine = await admin("rounding-warn", key, "/rounding", {
        method: "PUT",
        body: JSON.stringify({ step }),
      });
      expect(await fine.json(), step).toMatchObject({ warnings: [] });
    }
    const larger = await admin("rounding-warn", key, "/rounding", {
      method: "PUT",
      body: JSON.stringify({ step: "2" }),
    });
    expect(((await larger.json()) as { warnings: string[] }).warnings).toHaveLength(1);
  });

  it("warns about no step on a site without products", async () => {
    const { key } = await createSite("rounding-empty");
    const response = await admin("rounding-empty", key, "/rounding", {
      method: "PUT",
      body: JSON.stringify({ step: "10" }),
    });
    expect(await response.json()).toMatchObject({ step: "10.00", warnings: [] });
  });

  it("writes the step in the site's currency", async () => {
    const { key } = await grocery("rounding-jpy", "JPY");
    const response = await admin("rounding-jpy", key, "/rounding");
    expect(await response.json()).toMatchObject({ step: "1", currency: "JPY" });
  });

  it.each([
    [{ mode: "bankers" }, "mode", "half-up, half-even"],
    [{ step: "0.001" }, "step", "has 3 decimals, but USD amounts have at most 2"],
    [{ step: "5e-2" }, "step", "without an exponent"],
    [{ step: 0.05 }, "step", "not a JSON number"],
    [{ step: "-0.05" }, "step", "must not be negative"],
    [{ step: "0.00" }, "step", "at least one minor unit"],
    [{ scope: "basket" }, "scope", "unit, line, order"],
    [{ mode: "half-up", rounding: "x" }, "rounding", "not a rounding setting"],
    [[], "body", "must be an object"],
  ])("refuses %j naming %s, and keeps the settings", async (body, field, message) => {
    const siteId = `rounding-bad-${Math.random().toString(36).slice(2, 10)}`;
    const { key } = await grocery(siteId);
    const response = await admin(siteId, key, "/rounding", {
      method: "PUT",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ code: "invalid_rounding", field });
    expect(error.message).toContain(message);
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM rounding_settings WHERE site_id = ?",
        siteId,
      ),
    ).toBe(0);
  });
});
