import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
const PRODUCT = "whole-milk";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Watches layout shifts and the page's globals from before any script. */
async function observedPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    const probe = { shift: 0, before: Object.keys(window) };
    Object.defineProperty(window, "__probe", { value: probe, enumerable: false });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.shift += (entry as unknown as { value: number }).value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return page;
}

function widgetLinks(page: Page, widget: string): Promise<string[]> {
  return page.evaluate((id) => {
    const host = document.querySelector(`[data-vitrine-widget="${id}"]`);
    const links = host?.shadowRoot?.querySelectorAll<HTMLAnchorElement>("a[href]") ?? [];
    return [...links].map((link) => new URL(link.href).pathname);
  }, widget);
}

async function admin(path: string) {
  const response = await fetch(`${edge}/v1/sites/demo/admin${path}`, {
    headers: { Authorization: `Bearer ${adminKey}` },
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe("the demo storefront", () => {
  it("renders frequently bought together from the seeded history and records the view", async () => {
    const page = await observedPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) =>
      errors.push(`console.${message.type()}: ${message.text()}`),
    );

    await page.goto(`${edge}/demo/products/${PRODUCT}`);
    await page.waitForFunction(
      () =>
        (document
          .querySelector('[data-vitrine-widget="product-fbt"]')
          ?.shadowRoot?.querySelectorAll("a[href]").length ?? 0) > 0,
    );

    const expected = (await (
      await fetch(`${edge}/v1/sites/demo/recommendations/product-fbt?product=${PRODUCT}`)
    ).json()) as { items: { url: string }[] };
    expect(expected.items).toHaveLength(4);
    const links = await widgetLinks(page, "product-fbt");
    for (const item of expected.items) expect(links).toContain(item.url);

    const device = await page.evaluate(() => localStorage.getItem("vitrine:demo:device"));
    expect(device).toBeTruthy();
    await expect
      .poll(
        async () => {
          const body = (await admin(`/actions?device=${device}`)) as {
            actions: { operation: string; data: { product?: string } }[];
          };
          return body.actions.some(
            (action) =>
              action.operation === "ViewProduct" && action.data.product === PRODUCT,
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);

    expect(
      await page.evaluate(
        () => (window as unknown as { __probe: { shift: number } }).__probe.shift,
      ),
    ).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the host page's styles out of the widget", async () => {
    const page = await observedPage();
    await page.goto(`${edge}/demo/products/${PRODUCT}`);
    // Plain page rules that reach the placeholder element and would be
    // inherited by everything inside it.
    // Through CSSOM: the demo's CSP refuses a <style> element, as it should.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        "main div, [data-vitrine-widget] { color: rgb(187, 0, 0) !important; letter-spacing: 5px; text-transform: uppercase; text-align: center; font-family: Georgia }",
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-vitrine-widget="product-fbt"]')
          ?.shadowRoot?.querySelector(".title") != null,
      undefined,
      { polling: 100 },
    );
    const title = await page.evaluate(() => {
      const host = document.querySelector('[data-vitrine-widget="product-fbt"]');
      const element = host?.shadowRoot?.querySelector(".title");
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        color: style.color,
        letterSpacing: style.letterSpacing,
        textTransform: style.textTransform,
        textAlign: style.textAlign,
        fontFamily: style.fontFamily,
      };
    });
    expect(title).toEqual({
      color: "rgb(26, 26, 26)",
      letterSpacing: "normal",
      textTransform: "none",
      textAlign: "start",
      fontFamily: "system-ui, sans-serif",
    });
    await page.close();
  });

  it("adds no global to the host page besides vitrine", async () => {
    const addedGlobals = async (blockRuntime: boolean) => {
      const page = await observedPage();
      if (blockRuntime) await page.route("**/runtime.js", (route) => route.abort());
      await page.goto(`${edge}/demo/products/${PRODUCT}`);
      if (!blockRuntime) {
        await page.waitForFunction(
          () =>
            document.querySelector('[data-vitrine-widget="product-fbt"]')?.shadowRoot !==
            null,
        );
      }
      const added = await page.evaluate(() => {
        const { before } = (window as unknown as { __probe: { before: string[] } })
          .__probe;
        return Object.keys(window).filter((key) => !before.includes(key));
      });
      await page.close();
      return added.sort();
    };
    const withoutRuntime = await addedGlobals(true);
    const withRuntime = await addedGlobals(false);
    expect(withoutRuntime).toContain("vitrine");
    expect(withRuntime).toEqual(withoutRuntime);
  });
});
