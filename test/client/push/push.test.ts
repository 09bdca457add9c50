import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type PushOptions,
  startPush,
  stopPush,
} from "../../../client/runtime/push/index";
import { keyBytes } from "../../../client/runtime/push/key";
import { createStore } from "../../../client/runtime/storage";
import { FakeBrowser } from "./fake-push-api";

const EDGE = "https://edge.test";
const KEY_1 =
  "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
const KEY_2 =
  "BLc4xRzKlKORKWlbdgFaBrrPK3ydWAHo4M0gs0i1oEKgPpWC5cW8OCzVrOQRv-1npXRWk8udnW3oYhIO4475rds";

interface Report {
  device: string;
  permission: string;
  subscription: { endpoint: string } | null;
  vapidKey?: string;
  details: Record<string, unknown>;
}

/** The edge's two push routes, as edge/routes/push-devices.ts answers them. */
function edge() {
  const reports: Report[] = [];
  let publicKey = KEY_1;
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === `${EDGE}/v1/sites/shop/push/key`) {
      return new Response(JSON.stringify({ publicKey }), { status: 200 });
    }
    if (url === `${EDGE}/v1/sites/shop/push/devices` && init?.method === "POST") {
      reports.push(JSON.parse(String(init.body)) as Report);
      return new Response(null, { status: 204 });
    }
    return new Response("{}", { status: 404 });
  }) as typeof fetch;
  return { reports, fetcher, rotate: () => (publicKey = KEY_2) };
}

let browser: FakeBrowser;
let server: ReturnType<typeof edge>;

function options(overrides: Partial<PushOptions> = {}): PushOptions {
  const win = browser.window(document);
  return {
    edge: { base: EDGE, site: "shop" },
    device: "d-test-device-0001",
    window: win,
    store: createStore(window),
    log: () => undefined,
    fetch: server.fetcher,
    ...overrides,
  };
}

function prompt(): ShadowRoot | null {
  return document.querySelector("[data-vitrine-push-prompt]")?.shadowRoot ?? null;
}

async function promptShown(): Promise<ShadowRoot> {
  for (let turn = 0; turn < 50 && !prompt(); turn += 1) await Promise.resolve();
  const root = prompt();
  if (!root) throw new Error("no soft prompt");
  return root;
}

function button(root: ShadowRoot, label: string): HTMLElement {
  const found = [...root.querySelectorAll("button")].find(
    (each) => each.textContent === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = "";
  browser = new FakeBrowser();
  server = edge();
});
afterEach(() => {
  document.body.innerHTML = "";
});

describe("web push registration", () => {
  it("reports 'unsupported' and throws nothing where the Push API is missing", async () => {
    const state = await startPush(options({ window: browser.window(document, false) }));
    expect(state).toBe("unsupported");
    expect(server.reports).toEqual([
      expect.objectContaining({ permission: "unsupported", subscription: null }),
    ]);
    expect(prompt()).toBeNull();
  });

  it("survives a browser whose navigator throws when read", async () => {
    const win = browser.window(document);
    Object.defineProperty(win, "navigator", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    await expect(startPush(options({ window: win }))).resolves.toMatch(
      /unsupported|failed/,
    );
  });

  it("asks with its own prompt first and requests the permission only from the click", async () => {
    const started = startPush(options());
    const root = await promptShown();
    expect(browser.requests).toEqual([]);
    expect(root.querySelector("[role=dialog]")?.textContent).toContain(
      "Allow notifications",
    );

    browser.click(button(root, "Allow notifications"));
    expect(await started).toBe("subscribed");
    expect(browser.requests).toEqual([true]);
    expect(browser.registered).toEqual(["https://shop.test/vitrine-sw.js"]);
    const manager = browser.registration?.pushManager;
    expect(manager?.subscribed).toEqual([keyBytes(KEY_1)]);
    expect(server.reports.at(-1)).toMatchObject({
      device: "d-test-device-0001",
      permission: "granted",
      subscription: { endpoint: "https://fcm.googleapis.com/fcm/send/sub-1" },
      vapidKey: KEY_1,
      details: { browser: "Chrome", os: "Android", deviceType: "mobile" },
    });
    expect(prompt()).toBeNull();
  });

  it("shows the prompt once: after 'Not now' it never asks again", async () => {
    const first = startPush(options());
    browser.click(button(await promptShown(), "Not now"));
    expect(await first).toBe("default");
    expect(browser.requests).toEqual([]);

    expect(await startPush(options())).toBe("default");
    expect(prompt()).toBeNull();
    expect(server.reports.map((report) => report.permission)).toEqual(["default"]);
  });

  it("reports a refusal in the browser's prompt as denied", async () => {
    browser.answer = "denied";
    const started = startPush(options());
    browser.click(button(await promptShown(), "Allow notifications"));
    expect(await started).toBe("denied");
    expect(server.reports.at(-1)).toMatchObject({
      permission: "denied",
      subscription: null,
    });
  });

  it("does not prompt when notifications are already denied", async () => {
    browser.permission = "denied";
    expect(await startPush(options())).toBe("denied");
    expect(prompt()).toBeNull();
    expect(server.reports).toEqual([expect.objectContaining({ permission: "denied" })]);
  });

  it("reports again only when something changed", async () => {
    browser.permission = "granted";
    expect(await startPush(options())).toBe("subscribed");
    expect(await startPush(options())).toBe("subscribed");
    expect(server.reports).toHaveLength(1);
    expect(browser.registration?.pushManager.subscribed).toHaveLength(1);

    browser.permission = "denied";
    expect(await startPush(options())).toBe("denied");
    expect(server.reports.map((report) => report.permission)).toEqual([
      "granted",
      "denied",
    ]);
  });

  it("subscribes again with the new key once the site's key was rotated", async () => {
    browser.permission = "granted";
    await startPush(options());
    server.rotate();
    expect(await startPush(options())).toBe("subscribed");
    const manager = browser.registration?.pushManager;
    expect(manager?.unsubscribed).toEqual(["https://fcm.googleapis.com/fcm/send/sub-1"]);
    expect(manager?.subscribed).toEqual([keyBytes(KEY_1), keyBytes(KEY_2)]);
    expect(server.reports.at(-1)).toMatchObject({
      vapidKey: KEY_2,
      subscription: { endpoint: "https://fcm.googleapis.com/fcm/send/sub-2" },
    });
  });

  it("never replaces a site's own service worker; uses it when told it imports ours", async () => {
    browser.permission = "granted";
    browser.siteWorker("https://shop.test/sw.js");
    expect(await startPush(options())).toBe("no_worker");
    expect(browser.registered).toEqual([]);
    expect(browser.registration?.active.scriptURL).toBe("https://shop.test/sw.js");

    expect(await startPush(options({ serviceWorker: "existing" }))).toBe("subscribed");
    expect(browser.registered).toEqual([]);
    expect(server.reports.at(-1)?.subscription).not.toBeNull();
  });

  it("reports granted without a subscription when the push service cannot be reached", async () => {
    browser.permission = "granted";
    await browser.container.register("/vitrine-sw.js");
    const manager = browser.registration?.pushManager;
    if (!manager) throw new Error("no registration");
    manager.subscribe = async () => {
      throw new DOMException("Registration failed - push service error", "AbortError");
    };
    expect(await startPush(options())).toBe("failed");
    expect(server.reports).toEqual([
      expect.objectContaining({ permission: "granted", subscription: null }),
    ]);
  });

  it("unsubscribes cleanly and tells the edge", async () => {
    browser.permission = "granted";
    await startPush(options());
    await stopPush(options());
    expect(browser.registration?.pushManager.current).toBeNull();
    expect(server.reports.at(-1)).toMatchObject({
      permission: "granted",
      subscription: null,
    });
  });
});
