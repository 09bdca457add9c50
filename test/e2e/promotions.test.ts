import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
/** The demo's best seller: the sample cart starts with it once a
 * promotion names it. */
const PRODUCT = "whole-milk";
const SEEDED = "e2e-milk-quarter";
const CREATED = "e2e-basket-ten";

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${edge}/v1/sites/demo/admin${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${adminKey}`,
      "Content-Type": "application/json",
    },
  });
}

let browser: Browser;
let rounding: { mode: string; step: string; scope: string };
beforeAll(async () => {
  browser = await launchChromium();
  rounding = await (await admin("/rounding")).json();
  // Milk for 0.25: to a step of 0.10 that is 2.5 steps, a half, so
  // half-up gives 0.30 and half-even 0.20 (every demo price is above).
  const seeded = await admin(`/promotions/${SEEDED}`, {
    method: "PUT",
    body: JSON.stringify({
      name: "Milk for a quarter",
      kind: "fixed-price",
      value: "0.25",
      target: { type: "product", product: PRODUCT },
    }),
  });
  expect(seeded.status, await seeded.text()).toBe(201);
});
// The demo site goes back as it was, for the other end-to-end tests.
afterAll(async () => {
  for (const id of [SEEDED, CREATED]) {
    await admin(`/promotions/${id}`, { method: "DELETE" });
  }
  const { mode, step, scope } = rounding;
  await admin("/rounding", {
    method: "PUT",
    body: JSON.stringify({ mode, step, scope }),
  });
  await browser?.close();
});

/** The example's half-up and half-even prices of a product's line, and
 * whether the line is marked as differing. */
async function prices(page: Page, name: string) {
  const row = page.locator(".rounding-example tbody tr", { hasText: name });
  const cells = row.locator("td");
  return {
    halfUp: await cells.nth(2).textContent(),
    halfEven: await cells.nth(3).textContent(),
    differs: (await row.getAttribute("class")) === "differs",
  };
}

describe("the promotions section", () => {
  it("prices the sample cart both ways as the step changes, and lists a new promotion", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${edge}/editor/`);
    await page.fill("#sign-in-key", adminKey);
    await page.press("#sign-in-key", "Enter");
    await page.getByRole("heading", { name: "Widgets" }).waitFor();

    await page.getByRole("link", { name: "Promotions", exact: true }).click();
    await page.getByRole("heading", { name: "Promotions", exact: true }).waitFor();
    await expect(page.url()).toBe(`${edge}/editor/promotions`);
    await page.getByRole("row", { name: /Milk for a quarter/ }).waitFor();
    await expect
      .poll(() => prices(page, "Whole milk"), { timeout: 10_000 })
      .toEqual({ halfUp: "$0.25", halfEven: "$0.25", differs: false });

    await page.fill("#rounding-step", "0.10");
    await expect
      .poll(() => prices(page, "Whole milk"))
      .toEqual({ halfUp: "$0.30", halfEven: "$0.20", differs: true });
    await page.getByRole("button", { name: "Save rounding" }).click();
    await page.getByText("Saved. Carts are rounded this way").waitFor();
    expect(await (await admin("/rounding")).json()).toMatchObject({ step: "0.10" });

    await page.getByRole("link", { name: "New promotion" }).click();
    await page.fill("#promotion-name", "Basket ten");
    await page.fill("#promotion-id", CREATED);
    await page.fill("#promotion-value", "10");
    await page.getByLabel("The whole order").check();
    await page.getByRole("button", { name: "Save" }).click();

    await page.getByText("Created Basket ten.").waitFor();
    expect(page.url()).toBe(`${edge}/editor/promotions`);
    await page.getByRole("row", { name: /Basket ten/ }).waitFor();
    expect(await (await admin(`/promotions/${CREATED}`)).json()).toMatchObject({
      kind: "percent-off",
      value: "10",
      target: { type: "order" },
      enabled: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
