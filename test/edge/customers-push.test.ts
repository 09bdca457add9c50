import { env } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { requireAdminKey } from "../../edge/auth/admin";
import type { ErrorBody } from "../../edge/contract";
import type { CustomerProfile } from "../../edge/customers/profile";
import type { CustomerPush } from "../../edge/customers/test-push";
import type { AppEnv } from "../../edge/http/app-env";
import { handleError } from "../../edge/http/error-handler";
import { siteContext } from "../../edge/http/site-context";
import type { PushFetch } from "../../edge/push/send";
import { adminCustomers } from "../../edge/routes/admin/customers";
import { activity, reportDevice, siteKey } from "./customers-support";
import { createSubscriber, pushServiceStandIn, type Subscriber } from "./push-stand-in";
import { admin, createSite } from "./support";

const FCM = "https://fcm.googleapis.com/fcm/send/";

/** The worker's customer routes, with pushes going to `fetcher` instead of
 * the network: the same middleware and handlers as in edge/app.ts. */
function appWith(fetcher: PushFetch) {
  const app = new Hono<AppEnv>().route(
    "/v1/sites/:site",
    new Hono<AppEnv>()
      .use(siteContext)
      .use("/admin/*", requireAdminKey)
      .route("/admin/customers", adminCustomers(fetcher)),
  );
  app.onError(handleError);
  return app;
}

function sendTest(fetcher: PushFetch, site: string, key: string, customer: string) {
  return appWith(fetcher).fetch(
    new Request(
      `https://edge.example/v1/sites/${site}/admin/customers/${customer}/push/test`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          title: "Hello",
          body: "A test",
          url: "https://shop.example/",
        }),
      },
    ),
    env,
  );
}

async function setUp(site: string) {
  const { key } = await createSite(site);
  const subscribers: Record<string, Subscriber> = {};
  // Activity ranks them: d-most (6 actions), d-second (4), d-third (2);
  // d-busy-denied is the busiest but refused notifications.
  for (const [device, count] of [
    ["d-most", 6],
    ["d-second", 4],
    ["d-third", 2],
    ["d-busy-denied", 9],
  ] as const) {
    await activity(site, device, "c-1", count);
    if (device === "d-busy-denied") {
      await reportDevice(site, device, { permission: "denied" });
      continue;
    }
    subscribers[device] = await createSubscriber(`${FCM}${device}`);
    await reportDevice(site, device, {
      permission: "granted",
      subscriber: subscribers[device],
    });
  }
  return { key, subscribers };
}

describe("POST /admin/customers/:id/push/test", () => {
  it("sends an encrypted, VAPID-signed push to the two most-used reachable devices", async () => {
    const { key, subscribers } = await setUp("push-test-send");
    const service = pushServiceStandIn(Object.values(subscribers));
    const response = await sendTest(service.fetcher, "push-test-send", key, "c-1");
    expect(response.status).toBe(200);
    const result = (await response.json()) as CustomerPush;
    expect(result).toMatchObject({ customer: "c-1", devices: 4, reachable: 3 });
    expect(
      result.sends.map((send) => [send.device, send.rank, send.outcome, send.status]),
    ).toEqual([
      ["d-most", 1, "delivered", 201],
      ["d-second", 2, "delivered", 201],
    ]);
    expect(result.sends[0]?.reason).toContain("#1 of 3: 6 actions in the last 30 days");

    // What the push service received decrypts, with each browser's own
    // private key, to the message, signed with the site's current key.
    expect(service.received.map((each) => each.endpoint)).toEqual([
      `${FCM}d-most`,
      `${FCM}d-second`,
    ]);
    expect(service.received[0]?.message).toEqual({
      vitrine: 1,
      title: "Hello",
      body: "A test",
      url: "https://shop.example/",
    });
    expect(service.received[0]?.vapidKey).toBe(await siteKey("push-test-send"));
    expect(service.received[0]?.audience).toBe("https://fcm.googleapis.com");

    const profile = (await (
      await admin("push-test-send", key, "/customers/c-1")
    ).json()) as CustomerProfile;
    expect(profile.pushes.map((push) => [push.device, push.outcome])).toEqual(
      expect.arrayContaining([
        ["d-most", "delivered"],
        ["d-second", "delivered"],
      ]),
    );
  });

  it("marks a device unreachable when its push service answers 410, and moves on next time", async () => {
    const { key, subscribers } = await setUp("push-test-gone");
    const gone = pushServiceStandIn(Object.values(subscribers), (endpoint) =>
      endpoint.endsWith("d-most") ? 410 : 201,
    );
    const first = (await (
      await sendTest(gone.fetcher, "push-test-gone", key, "c-1")
    ).json()) as CustomerPush;
    expect(first.sends.map((send) => [send.device, send.outcome])).toEqual([
      ["d-most", "gone"],
      ["d-second", "delivered"],
    ]);

    const profile = (await (
      await admin("push-test-gone", key, "/customers/c-1")
    ).json()) as CustomerProfile;
    const most = profile.devices.find((device) => device.id === "d-most");
    expect(most).toMatchObject({ pushable: false, reason: "rejected" });
    expect(most?.unreachable?.reason).toContain("410");

    const next = pushServiceStandIn(Object.values(subscribers));
    const second = (await (
      await sendTest(next.fetcher, "push-test-gone", key, "c-1")
    ).json()) as CustomerPush;
    expect(second.sends.map((send) => send.device)).toEqual(["d-second", "d-third"]);

    // A new subscription reported by the browser makes it reachable again.
    await reportDevice("push-test-gone", "d-most", {
      permission: "granted",
      subscriber: await createSubscriber(`${FCM}d-most-renewed`),
    });
    const renewed = (await (
      await admin("push-test-gone", key, "/customers/c-1")
    ).json()) as CustomerProfile;
    expect(renewed.devices.find((device) => device.id === "d-most")?.pushable).toBe(true);
  });

  it("answers 409 naming the customer when no device can receive a push", async () => {
    const { key } = await createSite("push-test-none");
    await activity("push-test-none", "d-only", "c-2", 2);
    await reportDevice("push-test-none", "d-only", { permission: "denied" });
    const service = pushServiceStandIn([]);
    const response = await sendTest(service.fetcher, "push-test-none", key, "c-2");
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe("no_reachable_device");
    expect(service.received).toEqual([]);
  });

  it("refuses, before any request leaves, an endpoint that is not a known push service", async () => {
    const { key } = await createSite("push-test-guard");
    await activity("push-test-guard", "d-planted", "c-3", 2);
    await reportDevice("push-test-guard", "d-planted", {
      permission: "granted",
      subscriber: await createSubscriber(`${FCM}planted`),
    });
    // Written past the route's checks, as a bad migration or a manual edit could.
    await env.DB.prepare(
      "UPDATE device_push SET endpoint = 'https://127.0.0.1/steal' WHERE site_id = 'push-test-guard'",
    ).run();
    const requests: string[] = [];
    const response = await sendTest(
      async (request) => {
        requests.push(request.url);
        return new Response(null, { status: 201 });
      },
      "push-test-guard",
      key,
      "c-3",
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as CustomerPush;
    expect(result.sends.map((send) => [send.device, send.outcome])).toEqual([
      ["d-planted", "rejected"],
    ]);
    expect(requests).toEqual([]);
    const profile = (await (
      await admin("push-test-guard", key, "/customers/c-3")
    ).json()) as CustomerProfile;
    expect(profile.devices[0]?.unreachable?.reason).toContain("known push service");
  });
});
