import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DATABASE, d1 } from "../../scripts/wrangler";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
const persistDir = inject("persistDir");
const PRODUCT = "whole-milk";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function admin(path: string, init: RequestInit = {}) {
  const response = await fetch(`${edge}/v1/sites/demo/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return response.status === 204 ? undefined : response.json();
}

/** Changes a seeded pop-up through the admin API, as the editor would. */
async function changePopup(id: string, change: (popup: Record<string, unknown>) => void) {
  const popup = await admin(`/popups/${id}`);
  change(popup);
  const { name, template, enabled, priority, settings, targeting, frequency } = popup;
  await admin(`/popups/${id}`, {
    method: "PUT",
    body: JSON.stringify({
      name,
      template,
      enabled,
      priority,
      settings,
      targeting,
      frequency,
    }),
  });
}

const popupIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[data-vitrine-popup]")].map((host) =>
      host.getAttribute("data-vitrine-popup"),
    ),
  );

/** The id and the dialog's text of what the page shows, once it shows. */
async function waitForPopup(page: Page, id: string): Promise<string> {
  await page.waitForFunction(
    (wanted) =>
      document
        .querySelector(`[data-vitrine-popup="${wanted}"]`)
        ?.shadowRoot?.querySelector("[role=dialog]"),
    id,
    { timeout: 30_000 },
  );
  return page.evaluate(
    (wanted) =>
      document.querySelector(`[data-vitrine-popup="${wanted}"]`)?.shadowRoot
        ?.textContent ?? "",
    id,
  );
}

async function endsAt(page: Page, load: () => Promise<unknown>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((response) =>
      new URL(response.url()).pathname.endsWith("/page"),
    ),
    load(),
  ]);
  const body = await response.json();
  const timer = body.popups.find(
    (popup: { id: string }) => popup.id === "free-delivery-timer",
  );
  return timer.data.endsAt;
}

describe("pop-ups on the demo shop", () => {
  it("keeps an evergreen countdown through a storage wipe", async () => {
    const page = await browser.newPage();
    const first = await endsAt(page, () => page.goto(`${edge}/demo/`));
    const text = await waitForPopup(page, "free-delivery-timer");
    expect(text).toContain("Free delivery, for a little while");
    expect(text).not.toMatch(/-\d/);

    await page.evaluate(() => localStorage.clear());
    expect(await endsAt(page, () => page.reload())).toBe(first);
    await page.close();
  });

  it("shows the number of buyers the database holds", async () => {
    const page = await browser.newPage();
    await page.goto(`${edge}/demo/products/${PRODUCT}`);
    const text = await waitForPopup(page, "bought-today");
    const shown = Number(/(\d[\d,]*) people/.exec(text)?.[1]?.replace(/,/g, ""));

    const since = Date.now() - 24 * 3_600_000;
    const output = await d1(
      [
        "execute",
        DATABASE,
        "--json",
        "--command",
        `SELECT COUNT(DISTINCT COALESCE('c:' || customer_id, 'o:' || order_id)) AS people
         FROM order_lines WHERE site_id = 'demo' AND product_id = '${PRODUCT}' AND at >= ${since}`,
      ],
      persistDir,
    );
    const people = JSON.parse(output)[0].results[0].people;
    expect(people).toBeGreaterThanOrEqual(3);
    expect(shown).toBe(people);
    await page.close();
  });

  it("renders widgets and pop-ups under the shop's strict CSP without a violation", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, "__violations", { value: seen });
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`${edge}/demo/products/${PRODUCT}`);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self' 'sha256-");
    expect(policy).not.toContain("unsafe-inline");

    await waitForPopup(page, "bought-today");
    await page.waitForFunction(() =>
      document
        .querySelector('[data-vitrine-widget="product-fbt"]')
        ?.shadowRoot?.querySelector("a[href]"),
    );
    // Styled, not just present: the adopted sheet reached the dialog.
    const position = await page.evaluate(() => {
      const root = document.querySelector("[data-vitrine-popup]")?.shadowRoot;
      const dialog = root?.querySelector("[role=dialog]");
      return dialog ? getComputedStyle(dialog).position : "";
    });
    expect(position).toBe("fixed");
    expect(
      await page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      ),
    ).toEqual([]);
    await page.close();
  });

  it("is a dialog that works with the keyboard alone", async () => {
    const page = await browser.newPage();
    await page.goto(`${edge}/demo/products/${PRODUCT}`);
    await page.locator("a").first().focus();
    await waitForPopup(page, "bought-today");

    const focusedInPopup = () =>
      page.evaluate(() => {
        const root = document.querySelector("[data-vitrine-popup]")?.shadowRoot;
        return root?.activeElement?.className ?? null;
      });
    expect(await focusedInPopup()).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await focusedInPopup()).not.toBeNull();
    }
    await page.keyboard.press("Escape");
    expect(await popupIds(page)).toEqual([]);
    // Focus is back on the page, where it was.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("A");
    await page.close();
  });

  it("offers an upsell on exit intent and a cross-sell that fills the shop's cart", async () => {
    // One pop-up per page view: make room for the upsell on product pages.
    await changePopup("bought-today", (popup) => {
      popup.enabled = false;
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${edge}/demo/products/${PRODUCT}`);
      // The pointer leaves through the top, until the engine, which loads
      // after the page answer, is listening.
      await page.waitForFunction(
        () => {
          const out = new MouseEvent("mouseout", { clientY: -1, bubbles: true });
          document.dispatchEvent(out);
          return document.querySelector('[data-vitrine-popup="better-choice"]');
        },
        undefined,
        { polling: 250, timeout: 15_000 },
      );
      const upsell = await waitForPopup(page, "better-choice");
      expect(upsell).toMatch(/\$\d+\.\d\d/);

      await page.goto(`${edge}/demo/cart`);
      await page.evaluate(() =>
        localStorage.setItem(
          "green-basket.cart",
          JSON.stringify([
            {
              id: "whole-milk",
              name: "Whole milk",
              price: 199,
              url: "/demo/products/whole-milk",
              image: "",
              quantity: 1,
            },
          ]),
        ),
      );
      await page.reload();
      await waitForPopup(page, "complete-basket");
      // Playwright's CSS reaches into open shadow roots.
      const add = page
        .locator('[data-vitrine-popup="complete-basket"] button.add')
        .first();
      expect(await add.getAttribute("aria-label")).toMatch(/^Add to cart: /);
      await Promise.all([page.waitForEvent("load"), add.click()]);
      await page.waitForURL(/\/demo\/cart$/);
      const cart = await page.evaluate(() =>
        JSON.parse(localStorage.getItem("green-basket.cart") ?? "[]"),
      );
      expect(cart.length).toBe(2);
      await page.close();
    } finally {
      await changePopup("bought-today", (popup) => {
        popup.enabled = true;
      });
    }
  });
});
