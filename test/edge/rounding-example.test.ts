import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import type { RoundingExample } from "../../edge/routes/admin/rounding-example";
import {
  admin,
  type CartAnswer,
  expectConsistent,
  grocery,
  putPromotion,
  putRounding,
} from "./promotion-support";
import { call, countRows } from "./support";

const breadFifteen = {
  kind: "percent-off",
  value: "15",
  target: { type: "product", product: "bread" },
};

function example(siteId: string, key: string, body: unknown) {
  return admin(siteId, key, "/rounding/example", {
    method: "POST",
    body: JSON.stringify(body),
  });
}

async function priced(siteId: string, key: string, body: unknown) {
  const response = await example(siteId, key, body);
  expect(response.status, await response.clone().text()).toBe(200);
  const answer = (await response.json()) as RoundingExample;
  for (const cart of Object.values(answer.carts)) {
    expectConsistent({ ...cart, id: "example", recorded: false } as CartAnswer);
  }
  return answer;
}

const finals = (answer: RoundingExample) => ({
  "half-up": answer.carts["half-up"].lines.map((line) => line.final),
  "half-even": answer.carts["half-even"].lines.map((line) => line.final),
});

describe("the rounding example", () => {
  it("prices one cart half-up and half-even with the step and scope it is sent", async () => {
    const { key } = await grocery("example-half");
    await putPromotion("example-half", key, "bread-15", breadFifteen);
    const answer = await priced("example-half", key, {
      items: [
        { product: "bread", quantity: 2 },
        { product: "milk", quantity: 3 },
      ],
      rounding: { step: "0.05", scope: "unit" },
    });

    // 2.50 − 15 % = 2.125 a loaf: 42.5 steps of 0.05. Half-up takes 43
    // (2.15), half-even the even 42 (2.10). Milk has no promotion.
    expect(answer.rounding).toEqual({ step: "0.05", scope: "unit" });
    expect(finals(answer)).toEqual({ "half-up": [430, 597], "half-even": [420, 597] });
    expect(answer.carts["half-up"].totals).toEqual({
      base: 1097,
      discount: 70,
      final: 1027,
    });
    expect(answer.carts["half-even"].totals.final).toBe(1017);
    expect(answer.carts["half-up"].promotions).toEqual([
      {
        id: "bread-15",
        name: "bread-15",
        kind: "percent-off",
        target: { type: "product", product: "bread" },
        amount: 70,
        rounding: { mode: "half-up", step: "0.05", scope: "unit" },
      },
    ]);
    expect(answer.carts["half-even"].promotions[0]?.rounding.mode).toBe("half-even");

    // Per line, 2 × 2.125 = 4.25 is 85 steps exactly: no half to round.
    const line = await priced("example-half", key, {
      items: [{ product: "bread", quantity: 2 }],
      rounding: { step: "0.05", scope: "line" },
    });
    expect(finals(line)).toEqual({ "half-up": [425], "half-even": [425] });
  });

  it("takes the site's saved step and scope for those left out, and saves nothing", async () => {
    const { key } = await grocery("example-saved");
    await putPromotion("example-saved", key, "bread-15", breadFifteen);
    await putRounding("example-saved", key, { mode: "half-even", step: "0.05" });
    const cart = { items: [{ product: "bread" }] };

    const saved = await priced("example-saved", key, cart);
    expect(saved.rounding).toEqual({ step: "0.05", scope: "unit" });
    expect(finals(saved)).toEqual({ "half-up": [215], "half-even": [210] });

    // To the cent, 2.125 is a half too: 2.13 and 2.12.
    const cents = await priced("example-saved", key, {
      ...cart,
      rounding: { step: "0.01" },
    });
    expect(finals(cents)).toEqual({ "half-up": [213], "half-even": [212] });
    const settings = await admin("example-saved", key, "/rounding");
    expect(await settings.json()).toMatchObject({ mode: "half-even", step: "0.05" });
  });

  it("applies only the promotions CalculateCart would apply now", async () => {
    const { key } = await grocery("example-live");
    await putPromotion("example-live", key, "bread-off", {
      ...breadFifteen,
      enabled: false,
    });
    await putPromotion("example-live", key, "bread-later", {
      ...breadFifteen,
      startsAt: Date.now() + 3_600_000,
    });
    const answer = await priced("example-live", key, {
      items: [{ product: "bread" }],
      rounding: { step: "0.05" },
    });
    expect(finals(answer)).toEqual({ "half-up": [250], "half-even": [250] });
    expect(answer.carts["half-up"].promotions).toEqual([]);
  });

  it("warns, per mode, where a step makes a cheap line free, and not to the cent", async () => {
    const { key } = await grocery("example-warn");
    await putPromotion("example-warn", key, "milk-10", {
      kind: "percent-off",
      value: "10",
      target: { type: "product", product: "milk" },
    });
    const cart = {
      items: [
        { product: "milk", quantity: 3 },
        { product: "soap", quantity: 1 },
      ],
    };

    // 1.99 − 10 % = 1.791 a unit, 0.18 steps of 10.00: 0.00 both ways. The
    // soap has no promotion, so nothing rounds it.
    const coarse = await priced("example-warn", key, {
      ...cart,
      rounding: { step: "10" },
    });
    expect(finals(coarse)).toEqual({ "half-up": [0, 999], "half-even": [0, 999] });
    const free = {
      product: "milk",
      unrounded: 537,
      rounded: 0,
      message: "Rounding to 10.00 makes this line free.",
    };
    expect(coarse.warnings).toEqual({ "half-up": [free], "half-even": [free] });

    const cents = await priced("example-warn", key, {
      ...cart,
      rounding: { step: "0.01" },
    });
    expect(finals(cents)).toEqual({ "half-up": [537, 999], "half-even": [537, 999] });
    expect(cents.warnings).toEqual({ "half-up": [], "half-even": [] });
  });

  it("warns where a step moves a line by more than half, naming both prices", async () => {
    const { key } = await grocery("example-half-price");
    await putPromotion("example-half-price", key, "soap-60", {
      kind: "percent-off",
      value: "60",
      target: { type: "product", product: "soap" },
    });
    const soap = { items: [{ product: "soap" }] };

    // 9.99 − 60 % = 3.996. To 5.00: 5.00, 1.00 up, a quarter: no warning.
    const five = await priced("example-half-price", key, {
      ...soap,
      rounding: { step: "5" },
    });
    expect(finals(five)).toEqual({ "half-up": [500], "half-even": [500] });
    expect(five.warnings).toEqual({ "half-up": [], "half-even": [] });

    // To 7.00: 7.00, 3.00 up, three quarters of 4.00.
    const seven = await priced("example-half-price", key, {
      ...soap,
      rounding: { step: "7" },
    });
    expect(finals(seven)).toEqual({ "half-up": [700], "half-even": [700] });
    expect(seven.warnings["half-even"]).toEqual([
      {
        product: "soap",
        unrounded: 400,
        rounded: 700,
        message:
          "Rounding to 7.00 moves this line from 4.00 to 7.00, more than half its price.",
      },
    ]);
  });

  it("records no action", async () => {
    const { key } = await grocery("example-quiet");
    await putPromotion("example-quiet", key, "bread-15", breadFifteen);
    for (let n = 0; n < 3; n++) {
      await priced("example-quiet", key, { items: [{ product: "bread" }] });
    }
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM actions WHERE site_id = ?",
        "example-quiet",
      ),
    ).toBe(0);
  });

  it("is an admin route: no key, no example", async () => {
    await grocery("example-key");
    const response = await call("/v1/sites/example-key/admin/rounding/example", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ items: [{ product: "bread" }] }),
    });
    expect(response.status).toBe(401);
  });
});

describe("rounding example refusals", () => {
  let key = "";
  beforeAll(async () => {
    key = (await grocery("example-bad")).key;
  });

  const bread = [{ product: "bread" }];
  it.each([
    [[], "body", "must be an object"],
    [{ items: bread, mode: "half-up" }, "mode", "not a field of the example"],
    [{}, "items", "1 to 100 items"],
    [
      { items: Array.from({ length: 101 }, () => ({ product: "bread" })) },
      "items",
      "1 to 100 items",
    ],
    [{ items: [{ product: "bread", quantity: 0 }] }, "items.0.quantity", "1 to 999"],
    [
      { items: [{ product: "milk" }, { product: "bread", quantity: "two" }] },
      "items.1.quantity",
      "whole number",
    ],
    [{ items: [{ product: "bread", price: "2.50" }] }, "items.0.price", "stored prices"],
    [{ items: [{ product: "no spaces" }] }, "items.0.product", "1 to 64"],
    [{ items: bread, rounding: "0.05" }, "rounding", "must be an object"],
    [{ items: bread, rounding: { mode: "half-up" } }, "rounding.mode", "both ways"],
    [{ items: bread, rounding: { step: "0.001" } }, "rounding.step", "has 3 decimals"],
    [{ items: bread, rounding: { step: "0" } }, "rounding.step", "at least one minor"],
    [{ items: bread, rounding: { step: 0.05 } }, "rounding.step", "not a JSON number"],
    [
      { items: bread, rounding: { scope: "cart" } },
      "rounding.scope",
      "unit, line, order",
    ],
  ])("refuses %j with a 400 naming %s", async (body, field, words) => {
    const response = await example("example-bad", key, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toContain(words);
  });

  it("names the item whose product the site does not have", async () => {
    const response = await example("example-bad", key, {
      items: [{ product: "bread" }, { product: "caviar" }],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      code: "unknown_product",
      field: "items.1.product",
    });
  });
});
