import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // The copy button writes to the clipboard; the test reads it back.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: edge });
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${edge}/editor/`);
  await page.fill("#sign-in-key", adminKey);
  await page.press("#sign-in-key", "Enter");
  await page.getByRole("heading", { name: "Widgets" }).waitFor();
  return { page, errors };
}

describe("the campaigns section on the seeded demo", () => {
  it("lists the demo campaigns with formulas, and flags the newsletter's fall with a link to its messages", async () => {
    const { page, errors } = await signedIn();
    await page
      .getByRole("navigation", { name: "Back office" })
      .getByRole("link", { name: "Campaigns" })
      .click();
    await page.locator("table.campaigns tbody tr").first().waitFor();

    const names = await page
      .locator("table.campaigns tbody th a")
      .first()
      .evaluateAll(() =>
        [...document.querySelectorAll("table.campaigns tbody tr")].map((row) =>
          row.getAttribute("data-campaign"),
        ),
      );
    expect(names).toEqual(["cart-reminder", "spring-sale", "weekly-newsletter"]);
    await expect
      .poll(() => page.locator("table.campaigns thead").textContent())
      .toContain("unique opens ÷ delivered");
    expect(await page.locator("svg.sparkline").count()).toBe(3 * 7);

    const flag = page.locator('[data-campaign="weekly-newsletter"] ul.falling a').first();
    expect(await flag.textContent()).toMatch(/^▼ Open rate falling: .+, was .+$/);
    await flag.click();
    await page.locator('[data-message="newsletter-w6"]').waitFor();
    expect(new URL(page.url()).pathname).toBe("/editor/campaigns/c/weekly-newsletter");
    expect(errors).toEqual([]);
  });

  it("shows the deferred delivery with the server's 421 answer, and copies it", async () => {
    const { page, errors } = await signedIn();
    await page.goto(`${edge}/editor/campaigns/customer`);
    await page.fill("#participation-customer", "customer-0001");
    await page.getByRole("button", { name: "Show messages" }).click();

    const sale = page.locator('li.delivery[data-message="spring-sale-email"]');
    await sale.waitFor();
    expect(await sale.locator(".delivery-summary").textContent()).toMatch(
      /^delivered after 2 attempts · delivered \d+ min after it was queued · to customer-0001@northwind-corp\.example$/,
    );
    const rows = await sale.locator("table.timeline tbody tr").allInnerTexts();
    expect(rows[1]).toMatch(
      /deferred\s+421 4\.7\.0 Try again later, closing connection$/,
    );
    expect(rows[2]).toMatch(/delivered\s+250 2\.0\.0 OK: queued$/);

    await sale.getByRole("button", { name: "Copy the server's answers" }).click();
    await expect
      .poll(() => sale.locator(".copy [role=status]").textContent())
      .toBe("Copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("deferred 421 4.7.0 Try again later, closing connection");
    expect(copied).toContain("Attempts: 2");
    expect(errors).toEqual([]);
  });
});
