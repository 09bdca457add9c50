import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody, PageResponse } from "../../edge/contract";
import { DEMO_POPUPS } from "../../edge/seed/demo-popups";
import {
  actionId,
  addProducts,
  admin,
  call,
  countRows,
  createSite,
  postActions,
  SHOP_ORIGIN,
} from "./support";

const HOUR = 3_600_000;

async function putPopup(site: { id: string; key: string }, id: string, body: unknown) {
  return admin(site.id, site.key, `/popups/${id}`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
}

async function savePopup(site: { id: string; key: string }, id: string, body: unknown) {
  const response = await putPopup(site, id, body);
  expect(response.status, await response.clone().text()).toBe(201);
}

async function page(
  siteId: string,
  query: Record<string, string>,
): Promise<PageResponse> {
  const params = new URLSearchParams({ url: "https://shop.example/p", ...query });
  const response = await call(`/v1/sites/${siteId}/page?${params}`, {
    headers: { Origin: SHOP_ORIGIN },
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  expect(response.status).toBe(400);
  return ((await response.json()) as ErrorBody).error;
}

describe("pop-ups in the admin API", () => {
  it("refuses bad pop-ups naming the field, and writes nothing", async () => {
    const site = await createSite("popups-bad");
    const cases: [unknown, string][] = [
      [{ name: "x", template: "banner" }, "template"],
      [{ name: "", template: "upsell" }, "name"],
      [
        { name: "x", template: "countdown", settings: { mode: "fixed" } },
        "settings.deadline",
      ],
      [
        {
          name: "x",
          template: "countdown",
          settings: { mode: "fixed", deadline: "2026-12-24T18:00:00" },
        },
        "settings.deadline",
      ],
      [
        { name: "x", template: "social-proof", settings: { text: "Popular!" } },
        "settings.text",
      ],
      [
        {
          name: "x",
          template: "upsell",
          targeting: { pages: [{ match: "regex", value: "a" }] },
        },
        "targeting.pages.0.match",
      ],
      [
        { name: "x", template: "upsell", targeting: { trigger: "hover" } },
        "targeting.trigger",
      ],
      [{ name: "x", template: "upsell", frequency: { cap: "hourly" } }, "frequency.cap"],
      [
        { name: "x", template: "upsell", frequency: { maxCloses: -1 } },
        "frequency.maxCloses",
      ],
      [{ name: "x", template: "upsell", colour: "red" }, "colour"],
      [
        { name: "x", template: "upsell", targeting: { constructor: 1 } },
        "targeting.constructor",
      ],
      [
        { name: "x", template: "upsell", frequency: { toString: 1 } },
        "frequency.toString",
      ],
    ];
    for (const [body, field] of cases) {
      const error = await errorOf(await putPopup(site, "bad", body));
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message).toContain(field);
    }
    expect(
      await countRows("SELECT COUNT(*) AS n FROM popups WHERE site_id = ?", site.id),
    ).toBe(0);
  });

  it("creates, lists, replaces and deletes", async () => {
    const site = await createSite("popups-crud");
    await savePopup(site, "timer", { name: "Timer", template: "countdown" });
    const replaced = await putPopup(site, "timer", {
      name: "Timer 2",
      template: "countdown",
      enabled: false,
      targeting: { pageTypes: ["product"] },
    });
    expect(replaced.status).toBe(200);
    const list = (await (await admin(site.id, site.key, "/popups")).json()) as {
      popups: unknown[];
    };
    expect(list.popups).toMatchObject([
      {
        id: "timer",
        name: "Timer 2",
        enabled: false,
        targeting: { pageTypes: ["product"] },
      },
    ]);
    expect(
      (await admin(site.id, site.key, "/popups/timer", { method: "DELETE" })).status,
    ).toBe(204);
    expect((await admin(site.id, site.key, "/popups/timer")).status).toBe(404);
  });
});

describe("the number of pop-ups", () => {
  it("stops at 50 a site, while replacing one still works", async () => {
    const site = await createSite("popups-full");
    await env.DB.batch(
      Array.from({ length: 50 }, (_, index) =>
        env.DB.prepare(
          `INSERT INTO popups (site_id, id, name, template, settings, targeting, frequency, created_at, updated_at)
           VALUES (?, ?, 'x', 'upsell', '{}', '{}', '{}', 0, 0)`,
        ).bind(site.id, `p${index}`),
      ),
    );
    const refused = await putPopup(site, "one-more", { name: "x", template: "upsell" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("too_many_popups");
    expect(
      await countRows("SELECT COUNT(*) AS n FROM popups WHERE site_id = ?", site.id),
    ).toBe(50);
    const replaced = await putPopup(site, "p7", { name: "Seven", template: "upsell" });
    expect(replaced.status).toBe(200);
  });
});

describe("pop-ups in the page answer", () => {
  it("sends a fixed countdown with its instant, and drops it once past", async () => {
    const site = await createSite("popups-fixed");
    await savePopup(site, "sale", {
      name: "Sale",
      template: "countdown",
      settings: { mode: "fixed", deadline: "2999-12-24T18:00:00+01:00" },
    });
    await savePopup(site, "over", {
      name: "Over",
      template: "countdown",
      settings: { mode: "fixed", deadline: "2001-01-01T00:00:00Z" },
    });
    const answer = await page(site.id, { device: "device-fixed-0001" });
    expect(answer.popups.map((popup) => popup.id)).toEqual(["sale"]);
    expect(answer.popups[0]?.data).toEqual({ endsAt: Date.UTC(2999, 11, 24, 17) });
    expect(answer.now).toBeTypeOf("number");
  });

  it("remembers an evergreen timer per device and per customer", async () => {
    const site = await createSite("popups-evergreen");
    await savePopup(site, "ever", {
      name: "Ever",
      template: "countdown",
      settings: { mode: "evergreen", durationMinutes: 60 },
    });
    // No device: nothing to remember the start by, so no timer.
    expect((await page(site.id, {})).popups).toEqual([]);

    const first = await page(site.id, { device: "device-ever-0001" });
    const endsAt = ((first.popups[0]?.data ?? {}) as { endsAt: number }).endsAt;
    expect(endsAt).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 60 * 60_000);

    // Pretend an hour and a half passed for this device alone.
    await env.DB.prepare(
      "UPDATE popup_timers SET started_at = started_at - ? WHERE site_id = ? AND subject = ?",
    )
      .bind(90 * 60_000, site.id, "d:device-ever-0001")
      .run();
    expect((await page(site.id, { device: "device-ever-0001" })).popups).toEqual([]);

    // A second device, once signed in as the customer of a third device
    // whose timer started now, continues that timer.
    const signIn = (device: string) => ({
      id: actionId(),
      operation: "AuthorizeCustomer",
      at: Date.now(),
      device,
      customer: "cust-ever",
      data: {},
    });
    const third = await page(site.id, { device: "device-ever-0003" });
    const thirdEnds = ((third.popups[0]?.data ?? {}) as { endsAt: number }).endsAt;
    expect((await postActions(site.id, [signIn("device-ever-0003")])).status).toBe(202);
    await page(site.id, { device: "device-ever-0003" });
    expect((await postActions(site.id, [signIn("device-ever-0002")])).status).toBe(202);
    const second = await page(site.id, { device: "device-ever-0002" });
    expect(((second.popups[0]?.data ?? {}) as { endsAt: number }).endsAt).toBe(thirdEnds);
  });

  it("counts real people for social proof, and stays away below the minimum", async () => {
    const site = await createSite("popups-proof");
    await addProducts(site.id, [{ id: "milk", category: "Dairy" }]);
    const view = (device: string, at: number) => ({
      id: actionId(),
      operation: "ViewProduct",
      at,
      device,
      data: { product: "milk" },
    });
    const now = Date.now();
    await postActions(site.id, [
      view("viewer-0000000001", now - HOUR),
      view("viewer-0000000001", now - 2 * HOUR),
      view("viewer-0000000002", now - 3 * HOUR),
      view("viewer-0000000003", now - 23 * HOUR),
      view("viewer-0000000004", now - 25 * HOUR),
    ]);
    await savePopup(site, "proof", {
      name: "Proof",
      template: "social-proof",
      settings: { metric: "viewed", windowHours: 24, minimum: 3, text: "{count} people" },
    });
    const answer = await page(site.id, { type: "product", product: "milk" });
    expect(answer.popups).toMatchObject([{ id: "proof", data: { count: 3 } }]);
    const counted = await countRows(
      `SELECT COUNT(DISTINCT device_id) AS n FROM actions
       WHERE site_id = ? AND product_id = 'milk' AND operation = 'ViewProduct' AND at >= ?`,
      site.id,
      now - 24 * HOUR,
    );
    expect(counted).toBe(3);

    await savePopup(site, "proof-high", {
      name: "High",
      template: "social-proof",
      settings: { metric: "viewed", windowHours: 24, minimum: 4, text: "{count} people" },
    });
    const again = await page(site.id, { type: "product", product: "milk" });
    expect(again.popups.map((popup) => popup.id)).toEqual(["proof"]);
    // Not on a page without a product.
    expect((await page(site.id, { type: "home" })).popups).toEqual([]);
  });

  it("offers an upsell in the same category within the price range", async () => {
    const site = await createSite("popups-upsell");
    await addProducts(site.id, [
      { id: "base", category: "Coffee", price: 1000 },
      { id: "cheaper", category: "Coffee", price: 900 },
      { id: "plus5", category: "Coffee", price: 1050 },
      { id: "plus20", category: "Coffee", price: 1200 },
      { id: "plus40", category: "Coffee", price: 1400 },
      { id: "plus60", category: "Coffee", price: 1600 },
      { id: "tea", category: "Tea", price: 1200 },
    ]);
    await savePopup(site, "better", {
      name: "Better",
      template: "upsell",
      settings: { minIncreasePercent: 10, maxIncreasePercent: 50 },
      targeting: { pageTypes: ["product"] },
    });
    const answer = await page(site.id, { type: "product", product: "base" });
    // Both in range and unsold: the cheaper of the two.
    expect(answer.popups).toMatchObject([
      { id: "better", data: { product: { id: "plus20" } } },
    ]);
    expect((await page(site.id, { type: "product", product: "plus60" })).popups).toEqual(
      [],
    );
    expect((await page(site.id, { type: "cart", product: "base" })).popups).toEqual([]);
  });

  it("cross-sells what is bought with the cart, never what is in it", async () => {
    const site = await createSite("popups-cross");
    await addProducts(site.id, [
      { id: "bread", category: "Bakery" },
      { id: "butter", category: "Dairy" },
      { id: "jam", category: "Pantry" },
    ]);
    const order = (id: string, products: string[]) => ({
      id: actionId(),
      operation: "Order",
      at: Date.now() - HOUR,
      data: { order: id, items: products.map((product) => ({ product })) },
    });
    await postActions(site.id, [
      order("o1", ["bread", "butter"]),
      order("o2", ["bread", "butter", "jam"]),
    ]);
    await savePopup(site, "with", {
      name: "With",
      template: "cross-sell",
      settings: { count: 2 },
      targeting: { pageTypes: ["cart"] },
    });
    const answer = await page(site.id, { type: "cart", cart: "bread,jam" });
    const items = ((answer.popups[0]?.data ?? {}) as { items: { id: string }[] }).items;
    expect(items.map((item) => item.id)).toEqual(["butter"]);
    expect((await page(site.id, { type: "cart" })).popups).toEqual([]);
  });

  it("shows a segment's pop-up only to its customers", async () => {
    const site = await createSite("popups-segment");
    await savePopup(site, "vip", {
      name: "VIP",
      template: "countdown",
      settings: { mode: "fixed", deadline: "2999-01-01T00:00:00Z" },
      targeting: { segments: ["vip"] },
    });
    await postActions(site.id, [
      {
        id: actionId(),
        operation: "AuthorizeCustomer",
        at: Date.now(),
        device: "device-vip-000001",
        customer: "cust-vip",
        data: {},
      },
    ]);
    expect((await page(site.id, { device: "device-vip-000001" })).popups).toEqual([]);
    await env.DB.prepare(
      "INSERT INTO segment_memberships (site_id, segment_id, customer_id, since) VALUES (?, 'vip', 'cust-vip', ?)",
    )
      .bind(site.id, Date.now())
      .run();
    const answer = await page(site.id, { device: "device-vip-000001" });
    expect(answer.popups.map((popup) => popup.id)).toEqual(["vip"]);
    // The runtime never learns the segments.
    expect(answer.popups[0]?.targeting).not.toHaveProperty("segments");
  });
});

describe("pop-up events", () => {
  it("records impressions, clicks, closes and conversions as actions", async () => {
    const site = await createSite("popups-events");
    const event = (name: string) => ({
      id: actionId(),
      operation: "PopupEvent",
      at: Date.now(),
      device: "device-events-001",
      data: { popup: "sale", event: name },
    });
    const response = await postActions(site.id, [
      event("impression"),
      event("click"),
      event("close"),
      event("conversion"),
    ]);
    expect(response.status).toBe(202);
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM actions WHERE site_id = ? AND operation = 'PopupEvent'",
        site.id,
      ),
    ).toBe(4);
    const bad = await postActions(site.id, [event("hover")]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe("actions.0.data.event");
  });
});

describe("the demo pop-ups", () => {
  it("pass the admin API's own validation", async () => {
    const site = await createSite("popups-demo");
    for (const demo of DEMO_POPUPS) {
      const { id, ...body } = demo;
      const response = await putPopup(site, id, body);
      expect(response.status, `${id}: ${await response.clone().text()}`).toBe(201);
    }
  });
});
