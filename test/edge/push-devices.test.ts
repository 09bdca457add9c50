import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { createSubscriber } from "./push-stand-in";
import { admin, call, countRows, createSite, SHOP_ORIGIN } from "./support";

const FCM = "https://fcm.googleapis.com/fcm/send/";

function report(site: string, body: unknown, origin = SHOP_ORIGIN) {
  return call(`/v1/sites/${site}/push/devices`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify(body),
  });
}

async function siteKey(site: string): Promise<string> {
  const answer = (await (await call(`/v1/sites/${site}/push/key`)).json()) as {
    publicKey: string;
  };
  return answer.publicKey;
}

const details = {
  browser: "Chrome",
  os: "Android",
  deviceType: "mobile",
  userAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/131",
};

interface PushRow {
  permission: string;
  endpoint: string | null;
  browser: string | null;
  unreachable_reason: string | null;
}

function pushRow(site: string, device: string) {
  return env.DB.prepare(
    "SELECT permission, endpoint, browser, unreachable_reason FROM device_push WHERE site_id = ? AND device_id = ?",
  )
    .bind(site, device)
    .first<PushRow>();
}

describe("push key", () => {
  it("answers the site's public key, the same each time, and nothing private", async () => {
    await createSite("push-key");
    const response = await call("/v1/sites/push-key/push/key");
    const answer = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(["publicKey"]);
    expect(answer.publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    expect(await siteKey("push-key")).toBe(answer.publicKey);
  });
});

describe("POST /push/devices", () => {
  it("stores a device's subscription and details, and replaces them when they change", async () => {
    await createSite("push-report");
    const key = await siteKey("push-report");
    const subscriber = await createSubscriber(`${FCM}one`);
    const first = await report("push-report", {
      device: "d-web-1",
      permission: "granted",
      subscription: subscriber.json,
      vapidKey: key,
      details,
    });
    expect(first.status).toBe(204);
    expect(first.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(await pushRow("push-report", "d-web-1")).toMatchObject({
      permission: "granted",
      endpoint: `${FCM}one`,
      browser: "Chrome",
    });
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM devices WHERE site_id = 'push-report' AND id = 'd-web-1'",
      ),
    ).toBe(1);

    const revoked = await report("push-report", {
      device: "d-web-1",
      permission: "denied",
      subscription: null,
      details,
    });
    expect(revoked.status).toBe(204);
    expect(await pushRow("push-report", "d-web-1")).toMatchObject({
      permission: "denied",
      endpoint: null,
    });
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM device_push WHERE site_id = 'push-report'",
      ),
    ).toBe(1);
  });

  it("records a browser without Push API as unsupported", async () => {
    await createSite("push-unsupported");
    const response = await report("push-unsupported", {
      device: "d-old",
      permission: "unsupported",
      subscription: null,
      details: { deviceType: "desktop" },
    });
    expect(response.status).toBe(204);
    expect((await pushRow("push-unsupported", "d-old"))?.permission).toBe("unsupported");
  });

  it.each([
    [
      { subscription: { endpoint: "https://attacker.example/x" } },
      "subscription.endpoint",
    ],
    [
      { subscription: { endpoint: "http://fcm.googleapis.com/fcm/send/x" } },
      "subscription.endpoint",
    ],
    [
      { subscription: { endpoint: `${FCM}x`, keys: { p256dh: "AAAA", auth: "AAAA" } } },
      "subscription.keys.p256dh",
    ],
    [{ permission: "maybe" }, "permission"],
    [{ device: "bad id with spaces" }, "device"],
    [{ details: { deviceType: "fridge" } }, "details.deviceType"],
    [{ details: { userAgent: "x".repeat(513) } }, "details.userAgent"],
    [{ extra: 1 }, "extra"],
  ])("refuses %j with a 400 naming %s, storing nothing", async (change, field) => {
    await createSite("push-invalid").catch(() => undefined);
    const subscriber = await createSubscriber(`${FCM}valid`);
    const body = {
      device: "d-invalid",
      permission: "granted",
      subscription: subscriber.json,
      details,
      ...change,
    };
    const response = await report("push-invalid", body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.field).toBe(field);
    expect(await pushRow("push-invalid", "d-invalid")).toBeNull();
  });

  it("refuses a subscription reported without granted permission", async () => {
    await createSite("push-not-granted");
    const subscriber = await createSubscriber(`${FCM}ng`);
    const response = await report("push-not-granted", {
      device: "d-ng",
      permission: "default",
      subscription: subscriber.json,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe("subscription");
  });

  it("answers 403 to an origin the site has not allowed", async () => {
    await createSite("push-origin");
    const response = await report(
      "push-origin",
      { device: "d-1", permission: "default" },
      "https://elsewhere.example",
    );
    expect(response.status).toBe(403);
  });
});

describe("POST /push/subscription-change", () => {
  it("moves the device that had the previous endpoint to the new subscription", async () => {
    await createSite("push-change");
    const key = await siteKey("push-change");
    const old = await createSubscriber(`${FCM}old`);
    await report("push-change", {
      device: "d-change",
      permission: "granted",
      subscription: old.json,
      vapidKey: key,
    });
    const fresh = await createSubscriber(`${FCM}new`);
    const change = (previousEndpoint: string) =>
      call("/v1/sites/push-change/push/subscription-change", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: SHOP_ORIGIN },
        body: JSON.stringify({
          previousEndpoint,
          subscription: fresh.json,
          vapidKey: key,
        }),
      });
    expect((await change(`${FCM}old`)).status).toBe(204);
    expect((await pushRow("push-change", "d-change"))?.endpoint).toBe(`${FCM}new`);
    const unknown = await change(`${FCM}never-seen`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.field).toBe("previousEndpoint");
  });
});

describe("PUT /admin/push/app-devices/:device", () => {
  it("registers an app's token for a customer, with the secret key only", async () => {
    const { key } = await createSite("push-app");
    const body = JSON.stringify({
      platform: "ios",
      token: "apns-token-1",
      customer: "c-app",
      details: { os: "iOS 18", deviceType: "mobile" },
    });
    const without = await call("/v1/sites/push-app/admin/push/app-devices/d-app", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(without.status).toBe(401);

    const response = await admin("push-app", key, "/push/app-devices/d-app", {
      method: "PUT",
      body,
    });
    expect(response.status).toBe(204);
    expect(await pushRow("push-app", "d-app")).toMatchObject({ permission: "granted" });
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM devices WHERE site_id = 'push-app' AND customer_id = 'c-app'",
      ),
    ).toBe(1);

    const bad = await admin("push-app", key, "/push/app-devices/d-app", {
      method: "PUT",
      body: JSON.stringify({ platform: "symbian", token: "x" }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe("platform");
  });
});

describe("GET /push/sw.js", () => {
  it("serves the service worker code with the site and edge it reports to", async () => {
    await createSite("push-sw");
    const response = await call("/v1/sites/push-sw/push/sw.js");
    expect(response.headers.get("content-type")).toContain("text/javascript");
    const code = await response.text();
    expect(code.split("\n")[0]).toBe(
      'self.vitrinePush = {"edge":"https://edge.example","site":"push-sw"};',
    );
    expect(code).toContain("pushsubscriptionchange");
  });
});

describe("GET /demo/vitrine-sw.js", () => {
  it("serves the merchant's one-line file on the shop's origin", async () => {
    const response = await call("/demo/vitrine-sw.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(await response.text()).toBe('importScripts("/v1/sites/demo/push/sw.js");\n');
  });
});
