import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
const CUSTOMER = "c-e2e-push";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ProfileDevice {
  id: string;
  permission: string;
  browser: string | null;
  pushable: boolean;
  reason: string | null;
}

async function profileDevice(device: string): Promise<ProfileDevice | undefined> {
  const response = await fetch(`${edge}/v1/sites/demo/admin/customers/${CUSTOMER}`, {
    headers: { Authorization: `Bearer ${adminKey}` },
  });
  if (response.status !== 200) return undefined;
  const profile = (await response.json()) as { devices: ProfileDevice[] };
  return profile.devices.find((each) => each.id === device);
}

describe("web push on the demo shop", () => {
  it("registers the merchant's service worker and shows the granted device in the profile", async () => {
    const context = await browser.newContext();
    // The browser's own permission, granted through automation: no prompt.
    await context.grantPermissions(["notifications"], { origin: edge });
    const page = await context.newPage();
    // A real subscription would make Chromium call Google's push service,
    // which this machine must not reach; subscribe() fails here as it does
    // when the push service is unreachable, before any connection is tried.
    await page.addInitScript(() => {
      PushManager.prototype.subscribe = () =>
        Promise.reject(
          new DOMException("push service not reachable in tests", "AbortError"),
        );
    });
    await page.goto(`${edge}/demo/products/whole-milk`);
    await page.waitForFunction(
      () => localStorage.getItem("vitrine:demo:device") !== null,
    );
    const device = await page.evaluate(
      () => localStorage.getItem("vitrine:demo:device") ?? "",
    );
    await page.evaluate((customer) => {
      (window as unknown as { vitrine(...args: unknown[]): void }).vitrine(
        "identify",
        customer,
      );
    }, CUSTOMER);

    // As a shop's own script would ask, through the runtime's command.
    await page.evaluate(() =>
      (window as unknown as { vitrine(...args: unknown[]): void }).vitrine("push", {
        serviceWorker: "/demo/vitrine-sw.js",
      }),
    );
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            Boolean((await navigator.serviceWorker.getRegistration("/demo/"))?.active),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration("/demo/");
      return {
        script: registration?.active?.scriptURL,
        permission: Notification.permission,
        prompt: document.querySelector("[data-vitrine-push-prompt]") !== null,
      };
    });
    expect(worker).toEqual({
      script: `${edge}/demo/vitrine-sw.js`,
      permission: "granted",
      prompt: false,
    });

    // The identify action reaches the edge through the runtime's queue.
    await expect
      .poll(() => profileDevice(device), { timeout: 15_000 })
      .toMatchObject({
        id: device,
        permission: "granted",
        browser: "Chrome",
        pushable: false,
        reason: "no_subscription",
      });
    await context.close();
  });

  it("asks with its own prompt, and asks the browser only from the click", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The demo's aisle pages ask, with `vitrine('push', …)` in shop.js.
    await page.goto(`${edge}/demo/categories/dairy-eggs`);
    // Nothing asked the browser yet: only our own dialog is showing.
    const allow = page.getByRole("button", { name: "Allow notifications" });
    await allow.waitFor();
    expect(await page.evaluate(() => Notification.permission)).toBe("default");

    await allow.click();
    // Headless Chromium answers a permission request nobody granted with
    // "denied", as a shopper's refusal would be.
    await page.waitForFunction(() => Notification.permission === "denied");
    expect(await page.locator("[data-vitrine-push-prompt]").count()).toBe(0);

    const device = await page.evaluate(
      () => localStorage.getItem("vitrine:demo:device") ?? "",
    );
    await expect
      .poll(async () => {
        const response = await fetch(
          `${edge}/v1/sites/demo/admin/devices?kind=web&limit=200`,
          { headers: { Authorization: `Bearer ${adminKey}` } },
        );
        const listed = (await response.json()) as { devices: ProfileDevice[] };
        return listed.devices.find((each) => each.id === device);
      })
      .toMatchObject({ permission: "denied", reason: "denied" });
    await context.close();
  });
});
