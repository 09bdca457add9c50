import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, commsSite, DAY, postEvents } from "./communications-support";

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

// Queued half an hour before midnight: the delivery lands on the next day,
// so a late event must move counts between daily buckets.
const T = BASE + DAY - 30 * 60_000;

/** A corporate server that says "try again later" twice, then takes it. */
function story(customer: string) {
  const base = { message: "spring-1", customer, recipient: `${customer}@corp.example` };
  const later = { status: 421, enhancedCode: "4.7.0", text: "Try again later" };
  return [
    { ...base, id: `${customer}-q`, type: "queued", at: T },
    { ...base, id: `${customer}-d1`, type: "deferred", at: T + 2000, smtp: later },
    { ...base, id: `${customer}-d2`, type: "deferred", at: T + 62_000, smtp: later },
    {
      ...base,
      id: `${customer}-ok`,
      type: "delivered",
      at: T + 31 * 60_000,
      smtp: { status: 250, enhancedCode: "2.0.0", text: "OK queued as 7F3A" },
    },
    {
      ...base,
      id: `${customer}-c`,
      type: "clicked",
      at: T + 90 * 60_000,
      url: "https://shop.example/spring",
    },
  ];
}

async function deliveryOf(siteId: string, customer: string) {
  const row = await env.DB.prepare(
    "SELECT * FROM deliveries WHERE site_id = ? AND customer_id = ?",
  )
    .bind(siteId, customer)
    .first<Record<string, unknown>>();
  if (!row) throw new Error(`no delivery for ${customer}`);
  const { customer_id: _, recipient: __, ...rest } = row;
  return rest;
}

describe("events arriving out of order", () => {
  it("give the same delivery whatever the order, each event in its own request", async () => {
    const site = await commsSite("order-all");
    // Every order of the four attempts' events, then the click: 24 orders
    // of 5 requests each (all 120 orders of five took a minute and a half
    // on the shared two-core machine).
    const orders = permutations([0, 1, 2, 3]).map((order) => [...order, 4]);
    expect(orders).toHaveLength(24);
    // The click first, once, to show it may also come before the rest.
    orders[0] = [4, 0, 1, 2, 3];

    // Each order sends its events one request at a time; the orders run
    // side by side to save time.
    const statuses: number[] = [];
    for (let start = 0; start < orders.length; start += 20) {
      await Promise.all(
        orders.slice(start, start + 20).map(async (order, offset) => {
          const events = story(`p${start + offset}`);
          for (const index of order) {
            statuses.push((await postEvents(site, [events[index]])).status);
          }
        }),
      );
    }
    expect(statuses).toEqual(Array(120).fill(200));

    const expected = {
      site_id: site.id,
      message_id: "spring-1",
      state: "delivered",
      attempts: 3,
      queued_at: T,
      sent_at: T + 2000,
      deferred_at: T + 2000,
      delivered_at: T + 31 * 60_000,
      bounced_at: null,
      bounce_kind: null,
      opened_at: T + 90 * 60_000,
      clicked_at: T + 90 * 60_000,
      unsubscribed_at: null,
      complained_at: null,
      last_event_at: T + 90 * 60_000,
    };
    for (const n of orders.keys()) {
      expect(await deliveryOf(site.id, `p${n}`)).toEqual(expected);
    }

    // The daily counts hold each delivery once, on the day of its first
    // event of each kind, with nothing left behind on days it moved from.
    const { results } = await env.DB.prepare(
      `SELECT day, sent, delivered, deferred, bounced, opened, clicked, unsubscribed,
         complained
       FROM delivery_daily WHERE site_id = ? ORDER BY day`,
    )
      .bind(site.id)
      .all();
    const day = Math.floor(T / DAY);
    const none = { bounced: 0, unsubscribed: 0, complained: 0 };
    expect(results).toEqual([
      { day, sent: 24, deferred: 24, delivered: 0, opened: 0, clicked: 0, ...none },
      {
        day: day + 1,
        sent: 0,
        deferred: 0,
        delivered: 24,
        opened: 24,
        clicked: 24,
        ...none,
      },
    ]);
  }, 60_000);

  it("give the same delivery when every event also comes twice, in one batch or many", async () => {
    const site = await commsSite("order-twice");
    const inOrder = story("in-order");
    for (const each of inOrder) await postEvents(site, [each]);

    const shuffled = story("shuffled");
    const twice = [3, 1, 4, 0, 2].flatMap((index) => [
      shuffled[index],
      shuffled[(index + 2) % 5],
    ]);
    expect((await postEvents(site, twice)).status).toBe(200);
    for (const each of shuffled.reverse()) await postEvents(site, [each]);

    expect(await deliveryOf(site.id, "shuffled")).toEqual(
      await deliveryOf(site.id, "in-order"),
    );
  });

  it("let a final answer stand over a deferral that a skewed clock dates later", async () => {
    const site = await commsSite("order-skew");
    const events = story("skew");
    const late = { ...events[1], id: "skew-late", at: T + 40 * 60_000 };
    await postEvents(site, [events[0], events[3], late]);
    expect(await deliveryOf(site.id, "skew")).toMatchObject({
      state: "delivered",
      attempts: 2,
    });
  });
});
