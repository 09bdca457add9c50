import path from "node:path";
import type { Browser } from "playwright-core";
import { build, type Plugin, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
const root = path.resolve(import.meta.dirname, "../..");
const CUSTOMER = "c-e2e-push";

/**
 * The push registration module (client/runtime/push), bundled on its own
 * as a script that defines `window.__vitrinePush(device)`. The base
 * runtime does not load it yet (the lead wires the call), so the test
 * loads it into the demo page itself, exactly as built from the source.
 */
async function pushBundle(): Promise<string> {
  const entry: Plugin = {
    name: "push-e2e-entry",
    enforce: "pre",
    resolveId: (id) => (id.endsWith("push-e2e-entry") ? "\0push-e2e-entry" : null),
    load: (id) =>
      id === "\0push-e2e-entry"
        ? `import { startPush } from "${root}/client/runtime/push/index.ts";
           import { createStore } from "${root}/client/runtime/storage.ts";
           window.__vitrinePush = (device) => startPush({
             edge: { base: location.origin, site: "demo" },
             device, window, store: createStore(window),
             serviceWorker: "/demo/vitrine-sw.js",
             log: (message, detail) => (window.__pushLog ??= []).push(message + " " + detail),
           });`
        : null,
  };
  const result = await build({
    configFile: false,
    root,
    logLevel: "silent",
    plugins: [entry],
    build: {
      write: false,
      minify: false,
      lib: { entry: "push-e2e-entry", formats: ["iife"], name: "vitrinePushE2e" },
    },
  });
  const outputs = (
    Array.isArray(result) ? result : [result]
  ) as Rolldown.RolldownOutput[];
  const chunk = outputs
    .flatMap((output) => output.output)
    .find((file) => file.type === "chunk");
  if (chunk?.type !== "chunk") throw new Error("no bundle");
  return chunk.code;
}

let browser: Browser;
let bundle: string;
beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchChromium(), pushBundle()]);
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

    await page.addScriptTag({ content: bundle });
    const state = await page.evaluate(() =>
      (
        window as unknown as { __vitrinePush(device: string): Promise<string> }
      ).__vitrinePush(localStorage.getItem("vitrine:demo:device") ?? ""),
    );
    expect(state).toBe("failed");
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
    await page.goto(`${edge}/demo/`);
    await page.waitForFunction(
      () => localStorage.getItem("vitrine:demo:device") !== null,
    );
    await page.addScriptTag({ content: bundle });
    await page.evaluate(() => {
      const win = window as unknown as {
        __vitrinePush(device: string): Promise<string>;
        __pushState: Promise<string>;
      };
      win.__pushState = win.__vitrinePush(
        localStorage.getItem("vitrine:demo:device") ?? "",
      );
    });
    // Nothing asked the browser yet: only our own dialog is showing.
    const allow = page.getByRole("button", { name: "Allow notifications" });
    await allow.waitFor();
    expect(await page.evaluate(() => Notification.permission)).toBe("default");

    await allow.click();
    const state = await page.evaluate(
      () => (window as unknown as { __pushState: Promise<string> }).__pushState,
    );
    // Headless Chromium answers a permission request nobody granted with
    // "denied", as a shopper's refusal would be.
    const permission = await page.evaluate(() => Notification.permission);
    expect([state, permission]).toEqual(["denied", "denied"]);
    expect(await page.locator("[data-vitrine-push-prompt]").count()).toBe(0);

    const device = await page.evaluate(
      () => localStorage.getItem("vitrine:demo:device") ?? "",
    );
    const response = await fetch(
      `${edge}/v1/sites/demo/admin/devices?kind=web&limit=200`,
      {
        headers: { Authorization: `Bearer ${adminKey}` },
      },
    );
    const listed = (await response.json()) as { devices: ProfileDevice[] };
    expect(listed.devices.find((each) => each.id === device)).toMatchObject({
      permission: "denied",
      reason: "denied",
    });
    await context.close();
  });
});
