import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
const PRODUCT_PAGE = `${edge}/demo/products/whole-milk`;
const OPERATIONS = "**/v1/sites/demo/operations";

interface StoredAction {
  id: string;
  operation: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The actions the edge stored for a device (the admin API). */
async function storedFor(device: string): Promise<StoredAction[]> {
  const response = await fetch(
    `${edge}/v1/sites/demo/admin/actions?device=${device}&limit=500`,
    { headers: { Authorization: `Bearer ${adminKey}` } },
  );
  expect(response.status).toBe(200);
  const { actions } = (await response.json()) as { actions: StoredAction[] };
  // The demo's pop-ups add their own events when they show (a product
  // page's social proof after 2 s): this file counts what the page sends.
  return actions.filter((action) => action.operation !== "PopupEvent");
}

function deviceOf(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem("vitrine:demo:device"));
}

/** Records, as a page script would, one ViewCategory per id. */
function track(page: Page, ids: string[]): Promise<void> {
  return page.evaluate((all) => {
    const vitrine = Reflect.get(window, "vitrine") as (...args: unknown[]) => void;
    for (const id of all) vitrine("track", "ViewCategory", { category: "Dairy" }, { id });
  }, ids);
}

function queuedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const queue = JSON.parse(localStorage.getItem("vitrine:demo:queue") ?? "null");
    return (queue?.actions ?? []).map((action: { id: string }) => action.id);
  });
}

function failedAttempts(page: Page): Promise<number> {
  return page.evaluate(
    () => JSON.parse(localStorage.getItem("vitrine:demo:queue") ?? "{}").fails ?? 0,
  );
}

/** The ids of the actions a request sent, pop-up events aside (see storedFor). */
function idsOf(request: Request): string[] {
  const body = JSON.parse(request.postData() ?? "{}") as {
    actions?: { id: string; operation: string }[];
  };
  return (body.actions ?? [])
    .filter((action) => action.operation !== "PopupEvent")
    .map((action) => action.id);
}

/** Ids that went out in operations requests the edge answered, one entry per send. */
function watchSends(page: Page): string[] {
  const sent: string[] = [];
  page.on("response", (response) => {
    const request = response.request();
    if (request.method() === "POST" && request.url().endsWith("/operations")) {
      if (response.status() === 202) sent.push(...idsOf(request));
    }
  });
  return sent;
}

function ids(prefix: string, count: number): string[] {
  const run = Date.now().toString(36);
  return Array.from({ length: count }, (_, i) => `${prefix}-${run}-${i}`);
}

/** Every id stored exactly once, and nothing of the device stored twice. */
async function expectStoredOnce(device: string, wanted: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const stored = new Set((await storedFor(device)).map((action) => action.id));
        return wanted.filter((id) => !stored.has(id));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  const all = (await storedFor(device)).map((action) => action.id);
  expect(new Set(all).size).toBe(all.length);
}

/** Each wanted id went out exactly once. Waits for the browser's events,
 * which may reach this process after the edge has stored the actions, and
 * a moment more for any late second send. */
async function expectSentOnce(sent: string[], wanted: string[]): Promise<void> {
  const counts = () => wanted.map((id) => sent.filter((one) => one === id).length);
  await expect.poll(() => Math.min(...counts())).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(counts()).toEqual(wanted.map(() => 1));
}

describe("the action queue in Chromium", () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it("keeps actions through a 429 and sends each once after the minute", async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    // The page's clock starts a second into a minute, so the client's rule
    // (never before the minute ends) means a wait of about a minute, which
    // the test skips with the clock rather than waiting it out.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await page.clock.install({ time: minute + 1_000 });
    let attempts = 0;
    const passed: string[] = [];
    await page.route(OPERATIONS, async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fulfill({
          status: 429,
          headers: { "Retry-After": "2", "Content-Type": "application/json" },
          body: JSON.stringify({
            error: {
              code: "ceiling_reached",
              message: "ViewPage reached its ceiling.",
              field: "actions",
              operation: "ViewPage",
              ceiling: 1,
              retryAfter: 2,
            },
          }),
        });
        return;
      }
      passed.push(...idsOf(route.request()));
      await route.continue();
    });

    await page.goto(PRODUCT_PAGE);
    await expect.poll(() => attempts, { timeout: 10_000 }).toBe(1);
    const device = await deviceOf(page);
    if (!device) throw new Error("no device id");
    const tracked = ids("during-429", 12);
    await track(page, tracked.slice(0, 6));
    // Retry-After has long passed; the minute has not.
    await page.waitForTimeout(3_000);
    await track(page, tracked.slice(6));
    await page.waitForTimeout(500);
    expect(attempts).toBe(1);
    expect(await queuedIds(page)).toEqual(expect.arrayContaining(tracked));

    await page.clock.fastForward(70_000);
    await expectStoredOnce(device, tracked);
    await expectSentOnce(passed, tracked);
    expect(new Set(passed).size).toBe(passed.length);
    const stored = await storedFor(device);
    expect(stored.filter((action) => action.operation === "ViewPage")).toHaveLength(1);
    expect(stored.filter((action) => action.operation === "ViewProduct")).toHaveLength(1);
    expect(await queuedIds(page)).toEqual([]);
    await context.close();
  });

  it("keeps actions made offline across a reload and sends each once", async () => {
    context = await browser.newContext();
    // Chromium's offline emulation flickers: an `online` event came a
    // quarter of a second into the outage, and the runtime's request that
    // followed reached the worker past the emulation and `route` alike
    // (Debian's Chromium, playwright-core 1.65). So the outage is also
    // enforced where the runtime meets the network, its page's `fetch`.
    let outage = false;
    await context.exposeBinding("vitrineTestOutage", () => outage);
    await context.addInitScript(() => {
      const fetch = window.fetch.bind(window);
      const down = Reflect.get(window, "vitrineTestOutage") as () => Promise<boolean>;
      window.fetch = async (input, init) => {
        if (await down()) throw new TypeError("Failed to fetch");
        return fetch(input, init);
      };
    });
    const page = await context.newPage();
    // Time stands still in the page (timers still run), so the backoff of
    // the failed attempt below outlasts the reload and the page-hide flush
    // waits too.
    await page.clock.setFixedTime(Date.now());
    const sent = watchSends(page);
    await page.goto(PRODUCT_PAGE);
    const device = await deviceOf(page);
    if (!device) throw new Error("no device id");
    await expect
      .poll(async () => (await storedFor(device)).length, { timeout: 15_000 })
      .toBe(2);

    outage = true;
    await context.setOffline(true);
    const tracked = ids("offline", 8);
    await track(page, tracked);
    await expect.poll(() => failedAttempts(page)).toBeGreaterThan(0);
    expect(await queuedIds(page)).toEqual(tracked);
    // Offline, the reload itself fails: the page that recorded the actions
    // is gone, and only localStorage still holds them.
    await page.reload().catch(() => undefined);
    expect(await storedFor(device)).toHaveLength(2);

    outage = false;
    await context.setOffline(false);
    await page.goto(PRODUCT_PAGE);
    await expectStoredOnce(device, tracked);
    await expectSentOnce(sent, tracked);
    // The two page views that loaded: a ViewPage and a ViewProduct each.
    await expect
      .poll(async () => (await storedFor(device)).length, { timeout: 15_000 })
      .toBe(12);
    expect(await queuedIds(page)).toEqual([]);
    await context.close();
  });

  it("shares one queue between two tabs without sending anything twice", async () => {
    context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    const requests: string[] = [];
    for (const page of [first, second]) {
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith("/operations")) {
          requests.push(...idsOf(request));
        }
      });
    }
    await first.goto(PRODUCT_PAGE);
    await second.goto(`${edge}/demo/`);
    const device = await deviceOf(first);
    if (!device) throw new Error("no device id");
    expect(await deviceOf(second)).toBe(device);

    const tracked = ids("two-tabs", 20);
    for (let i = 0; i < tracked.length; i += 2) {
      await track(first, tracked.slice(i, i + 1));
      await track(second, tracked.slice(i + 1, i + 2));
    }

    await expectStoredOnce(device, tracked);
    await expect
      .poll(async () => (await storedFor(device)).length, { timeout: 15_000 })
      .toBe(23);
    await expectSentOnce(requests, tracked);
    expect(requests).toHaveLength(23);
    expect(new Set(requests).size).toBe(requests.length);
    await context.close();
  });
});
