import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import type { CustomerProfile } from "../../edge/customers/profile";
import { rotateVapidKeys } from "../../edge/push/vapid-keys";
import { activity, reportDevice } from "./customers-support";
import { createSubscriber } from "./push-stand-in";
import { admin, createSite } from "./support";

const FCM = "https://fcm.googleapis.com/fcm/send/";
const MOZILLA = "https://updates.push.services.mozilla.com/wpush/v2/";

async function profile(site: string, key: string, id: string): Promise<CustomerProfile> {
  const response = await admin(site, key, `/customers/${encodeURIComponent(id)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CustomerProfile;
}

describe("GET /admin/customers/:id", () => {
  it("shows each device with whether a push can reach it and why not", async () => {
    const { key } = await createSite("cp-reach");
    const devices = {
      "d-ok": { permission: "granted", subscriber: await createSubscriber(`${FCM}ok`) },
      "d-denied": { permission: "denied" },
      "d-default": { permission: "default" },
      "d-unsubscribed": { permission: "granted" },
      "d-old": { permission: "unsupported" },
      "d-expired": {
        permission: "granted",
        subscriber: await createSubscriber(`${MOZILLA}expired`),
        expirationTime: Date.now() - 1000,
      },
    };
    for (const [id, state] of Object.entries(devices)) {
      await activity("cp-reach", id, "c-42", 2);
      await reportDevice("cp-reach", id, state);
    }
    await activity("cp-reach", "d-silent", "c-42", 1);

    const view = await profile("cp-reach", key, "c-42");
    const reasons = Object.fromEntries(
      view.devices.map((device) => [device.id, [device.pushable, device.reason]]),
    );
    expect(reasons).toEqual({
      "d-ok": [true, null],
      "d-denied": [false, "denied"],
      "d-default": [false, "not_asked"],
      "d-unsubscribed": [false, "no_subscription"],
      "d-old": [false, "unsupported"],
      "d-expired": [false, "expired"],
      "d-silent": [false, "no_subscription"],
    });
    const ok = view.devices.find((device) => device.id === "d-ok");
    expect(ok).toMatchObject({
      kind: "web",
      browser: "Firefox",
      os: "Linux",
      pushService: "fcm.googleapis.com",
    });
    // Subscription keys are credentials: the profile never shows them.
    expect(JSON.stringify(view)).not.toContain(devices["d-ok"].subscriber.json.keys.auth);
    expect(view.identifiers).toContainEqual({ type: "customer", value: "c-42" });
    expect(view.identifiers).toContainEqual({ type: "device", value: "d-ok" });
    const times = view.recentActions.map((action) => action.at);
    expect(times).toHaveLength(13);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(view.recentActions[0]).toMatchObject({
      operation: "AuthorizeCustomer",
      device: "d-silent",
    });

    // A rotated key makes every subscription made with the old one useless.
    await rotateVapidKeys(env.DB, "cp-reach");
    const after = await profile("cp-reach", key, "c-42");
    expect(after.devices.find((device) => device.id === "d-ok")?.reason).toBe("expired");
  });

  it("ranks devices by activity in the last 30 days and names the last web device", async () => {
    const { key } = await createSite("cp-rank");
    await activity("cp-rank", "d-rare", "c-7", 2);
    await activity("cp-rank", "d-daily", "c-7", 9);
    await reportDevice("cp-rank", "d-rare", { permission: "denied" });
    const admin204 = await admin("cp-rank", key, "/push/app-devices/d-phone", {
      method: "PUT",
      body: JSON.stringify({ platform: "android", token: "fcm-token", customer: "c-7" }),
    });
    expect(admin204.status).toBe(204);

    const view = await profile("cp-rank", key, "c-7");
    expect(view.devices.map((device) => [device.id, device.recentActions])).toEqual([
      ["d-daily", 9],
      ["d-rare", 2],
      ["d-phone", 0],
    ]);
    expect(view.devices.find((device) => device.id === "d-phone")).toMatchObject({
      kind: "mobile",
      platform: "android",
      pushable: true,
    });
    // d-rare reported last, so it is the web device seen last.
    expect(view.lastWebDevice).toMatchObject({ id: "d-rare", permission: "denied" });
  });

  it("answers 404 for a customer the site does not know", async () => {
    const { key } = await createSite("cp-unknown");
    const response = await admin("cp-unknown", key, "/customers/nobody");
    expect(response.status).toBe(404);
  });

  it("names the segments the customer is in", async () => {
    const { key } = await createSite("cp-segments");
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO customers (site_id, id, first_seen, last_seen) VALUES ('cp-segments', 'ann', ?, ?)",
      ).bind(now, now),
      env.DB.prepare(
        `INSERT INTO segments (site_id, id, name, rule, created_at, updated_at)
         VALUES ('cp-segments', 'loyal', 'Loyal', '{"type":"orders_at_least","orders":3}', ?, ?),
                ('cp-segments', 'lapsed', 'Lapsed', '{"type":"inactive_for_days","days":90}', ?, ?)`,
      ).bind(now, now, now, now),
      env.DB.prepare(
        "INSERT INTO segment_memberships (site_id, segment_id, customer_id, since) VALUES ('cp-segments', 'loyal', 'ann', ?)",
      ).bind(now),
    ]);
    expect((await profile("cp-segments", key, "ann")).segments).toEqual([
      { id: "loyal", name: "Loyal", since: now },
    ]);
  });

  it("finds customers by part of their id", async () => {
    const { key } = await createSite("cp-search");
    await activity("cp-search", "d-1", "alice@example.com", 1);
    await activity("cp-search", "d-2", "bob@example.com", 1);
    const response = await admin("cp-search", key, "/customers?q=ALICE".toLowerCase());
    const answer = (await response.json()) as { customers: { id: string }[] };
    expect(answer.customers.map((customer) => customer.id)).toEqual([
      "alice@example.com",
    ]);
    const wild = await admin("cp-search", key, "/customers?q=%25");
    expect(((await wild.json()) as { customers: unknown[] }).customers).toEqual([]);
  });
});

describe("GET /admin/devices", () => {
  it("lists web and mobile devices separately, with technical details", async () => {
    const { key } = await createSite("cp-all");
    await reportDevice("cp-all", "d-web", { permission: "default" });
    await admin("cp-all", key, "/push/app-devices/d-ios", {
      method: "PUT",
      body: JSON.stringify({ platform: "ios", token: "apns", details: { os: "iOS 18" } }),
    });
    const web = (await (await admin("cp-all", key, "/devices?kind=web")).json()) as {
      devices: { id: string; browser: string }[];
    };
    const mobile = (await (
      await admin("cp-all", key, "/devices?kind=mobile")
    ).json()) as {
      devices: { id: string; os: string }[];
    };
    expect(web.devices.map((device) => [device.id, device.browser])).toEqual([
      ["d-web", "Firefox"],
    ]);
    expect(mobile.devices.map((device) => [device.id, device.os])).toEqual([
      ["d-ios", "iOS 18"],
    ]);
    const bad = await admin("cp-all", key, "/devices?kind=fax");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe("kind");
  });
});

describe("discount cards and their custom fields", () => {
  it("validates cards against the site's fields and shows them in the profile", async () => {
    const { key } = await createSite("cp-cards");
    const level = await admin("cp-cards", key, "/card-fields/loyalty_level", {
      method: "PUT",
      body: JSON.stringify({
        type: "choice",
        required: true,
        choices: ["silver", "gold"],
      }),
    });
    expect(level.status).toBe(201);
    await admin("cp-cards", key, "/card-fields/joined", {
      method: "PUT",
      body: JSON.stringify({ type: "date" }),
    });

    const put = (body: unknown) =>
      admin("cp-cards", key, "/cards/GB-0001", {
        method: "PUT",
        body: JSON.stringify(body),
      });
    const cases: [unknown, string][] = [
      [{ customer: "c-9", fields: {} }, "fields.loyalty_level"],
      [
        { customer: "c-9", fields: { loyalty_level: "platinum" } },
        "fields.loyalty_level",
      ],
      [
        { customer: "c-9", fields: { loyalty_level: "gold", joined: "2026-02-30" } },
        "fields.joined",
      ],
      [
        { customer: "c-9", fields: { loyalty_level: "gold", shoe_size: 42 } },
        "fields.shoe_size",
      ],
      [{ customer: "c-9", balance: 12.5, fields: { loyalty_level: "gold" } }, "balance"],
      [{ customer: "c-9", status: "lost", fields: { loyalty_level: "gold" } }, "status"],
      [{ fields: { loyalty_level: "gold" } }, "customer"],
    ];
    for (const [body, field] of cases) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.field).toBe(field);
    }
    const rows = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM discount_cards WHERE site_id = 'cp-cards'",
    ).first<{ n: number }>();
    expect(rows?.n).toBe(0);

    const created = await put({
      customer: "c-9",
      balance: "12.50",
      level: "Gold",
      fields: { loyalty_level: "gold", joined: "2026-01-15" },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      number: "GB-0001",
      balance: "12.50",
      status: "active",
    });
    const replaced = await put({
      customer: "c-9",
      status: "blocked",
      fields: { loyalty_level: "silver" },
    });
    expect(replaced.status).toBe(200);

    const view = await profile("cp-cards", key, "c-9");
    expect(view.cards).toEqual([
      expect.objectContaining({
        number: "GB-0001",
        status: "blocked",
        balance: null,
        fields: { loyalty_level: "silver" },
      }),
    ]);
    expect(view.cardFields.map((field) => field.name)).toEqual([
      "loyalty_level",
      "joined",
    ]);
    expect(view.identifiers).toContainEqual({ type: "card", value: "GB-0001" });

    expect(
      (await admin("cp-cards", key, "/cards/GB-0001", { method: "DELETE" })).status,
    ).toBe(204);
    expect((await admin("cp-cards", key, "/cards/GB-0001")).status).toBe(404);
  });

  it.each([
    ["Bad Name", { type: "text" }, "name"],
    ["level", { type: "colour" }, "type"],
    ["level", { type: "choice" }, "choices"],
    ["level", { type: "choice", choices: ["a", "a"] }, "choices"],
    ["level", { type: "text", choices: ["a"] }, "choices"],
    ["level", { type: "text", required: "yes" }, "required"],
  ])("refuses field %s %j naming %s", async (name, body, field) => {
    const { key } = await createSite(
      `cp-field-${field}-${Math.random().toString(36).slice(2, 8)}`,
    );
    const site =
      (
        await env.DB.prepare(
          "SELECT id FROM sites ORDER BY created_at DESC LIMIT 1",
        ).first<{ id: string }>()
      )?.id ?? "";
    const response = await admin(site, key, `/card-fields/${encodeURIComponent(name)}`, {
      method: "PUT",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
  });
});
