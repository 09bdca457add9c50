import { describe, expect, it } from "vitest";
import { merchantServiceWorker, serviceWorkerFor } from "../../../client/push/sw-source";
import demoWorker from "../../../client/push/vitrine-sw.js?raw";

type Listener = (event: Record<string, unknown>) => void;

/** Runs the served service worker code against a fake worker global, the
 * way `importScripts` runs it inside a merchant's service worker. */
function runWorker(options: { siteListener?: Listener } = {}) {
  const listeners = new Map<string, Listener[]>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const requests: { url: string; body?: string }[] = [];
  const subscribed: Uint8Array[] = [];
  const self = {
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => {
        shown.push({ title, options });
      },
      pushManager: {
        subscribe: async (options: { applicationServerKey: Uint8Array }) => {
          subscribed.push(options.applicationServerKey);
          return {
            toJSON: () => ({
              endpoint: "https://fcm.googleapis.com/fcm/send/renewed",
              keys: { p256dh: "p", auth: "a" },
            }),
          };
        },
      },
    },
    clients: { openWindow: async (url: string) => void opened.push(url) },
  } as Record<string, unknown>;
  if (options.siteListener)
    (self.addEventListener as (t: string, l: Listener) => void)(
      "push",
      options.siteListener,
    );
  const fetcher = async (url: string, init?: RequestInit) => {
    requests.push({ url, body: init?.body as string | undefined });
    return new Response(JSON.stringify({ publicKey: "BAEC" }), { status: 200 });
  };
  new Function("self", "fetch", serviceWorkerFor("https://edge.test", "shop"))(
    self,
    fetcher,
  );
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    const waits: Promise<unknown>[] = [];
    for (const listener of listeners.get(type) ?? []) {
      listener({
        ...event,
        waitUntil: (promise: Promise<unknown>) => waits.push(promise),
      });
    }
    await Promise.all(waits);
  };
  return { dispatch, shown, opened, requests, subscribed };
}

const pushOf = (message: unknown) => ({
  data: {
    json: () => {
      if (typeof message === "string") throw new SyntaxError("not JSON");
      return message;
    },
  },
});

describe("Vitrine's service worker code", () => {
  it("shows Vitrine's messages and opens their link on click", async () => {
    const worker = runWorker();
    await worker.dispatch(
      "push",
      pushOf({ vitrine: 1, title: "Hi", body: "Sale", url: "https://shop.test/sale" }),
    );
    expect(worker.shown).toEqual([
      {
        title: "Hi",
        options: { body: "Sale", data: { vitrine: 1, url: "https://shop.test/sale" } },
      },
    ]);
    const notification = { data: worker.shown[0]?.options.data, close: () => undefined };
    await worker.dispatch("notificationclick", { notification });
    expect(worker.opened).toEqual(["https://shop.test/sale"]);
  });

  it("leaves other messages and notifications to the site's own service worker", async () => {
    const seen: unknown[] = [];
    const worker = runWorker({ siteListener: (event) => seen.push(event) });
    await worker.dispatch("push", pushOf({ title: "the site's own" }));
    await worker.dispatch("push", pushOf("plain text"));
    expect(worker.shown).toEqual([]);
    expect(seen).toHaveLength(2);
    await worker.dispatch("notificationclick", {
      notification: { data: { siteUrl: "/x" }, close: () => undefined },
    });
    expect(worker.opened).toEqual([]);
  });

  it("subscribes again on pushsubscriptionchange and tells the edge what it replaces", async () => {
    const worker = runWorker();
    await worker.dispatch("pushsubscriptionchange", {
      oldSubscription: { endpoint: "https://fcm.googleapis.com/fcm/send/old" },
      newSubscription: null,
    });
    expect(worker.requests.map((request) => request.url)).toEqual([
      "https://edge.test/v1/sites/shop/push/key",
      "https://edge.test/v1/sites/shop/push/subscription-change",
    ]);
    expect(worker.subscribed).toEqual([Uint8Array.of(4, 1, 2)]);
    expect(JSON.parse(worker.requests[1]?.body ?? "{}")).toMatchObject({
      previousEndpoint: "https://fcm.googleapis.com/fcm/send/old",
      subscription: { endpoint: "https://fcm.googleapis.com/fcm/send/renewed" },
      vapidKey: "BAEC",
    });
  });
});

describe("the merchant's one-line file", () => {
  it("is exactly the line the demo shop serves", () => {
    expect(demoWorker).toBe(merchantServiceWorker("/v1/sites/demo/push/sw.js"));
    expect(demoWorker.trim().split("\n")).toHaveLength(1);
  });
});
