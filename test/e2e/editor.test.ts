import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { WidgetRecord } from "../../preview/src/api/types";
import { launchChromium } from "./browser";
import { previewFrame, shadowTree, tabTo, widgetTexts } from "./editor-support";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");
/** A demo widget on the product page; put back as it was after the tests,
 * which the storefront tests rely on. */
const WIDGET = "product-similar";
const PRODUCT = "whole-milk";

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${edge}/v1/sites/demo/admin${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${adminKey}`,
      "Content-Type": "application/json",
    },
  });
}

const savedWidget = async () =>
  (await (await admin(`/widgets/${WIDGET}`)).json()) as WidgetRecord;

let browser: Browser;
let original: WidgetRecord;
beforeAll(async () => {
  browser = await launchChromium();
  original = await savedWidget();
});
afterAll(async () => {
  const { name, enabled, settings } = original;
  await admin(`/widgets/${WIDGET}`, {
    method: "PUT",
    body: JSON.stringify({ name, enabled, settings }),
  });
  await browser?.close();
});

async function editorPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${edge}/editor/`);
  await page.fill("#sign-in-key", adminKey);
  await page.press("#sign-in-key", "Enter");
  await page.getByRole("heading", { name: "Widgets" }).waitFor();
}

describe("the editor", () => {
  it("previews changes without a save, and the shop renders what it previewed", async () => {
    const { page, errors } = await editorPage();
    const puts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT") puts.push(request.url());
    });
    await signIn(page);
    await page.getByRole("link", { name: original.name }).click();
    await page.fill("#product-search", "whole milk");
    await page.locator(`#product-choice option[value="${PRODUCT}"]`).waitFor({
      state: "attached",
    });
    await page.selectOption("#product-choice", PRODUCT);
    const frame = await previewFrame(page);
    await expect.poll(() => frame.url()).toBe(`${edge}/demo/products/${PRODUCT}`);
    await expect
      .poll(() => widgetTexts(frame, WIDGET, "h2"), { timeout: 10_000 })
      .toEqual([original.settings.title]);

    await page.fill("#field-title", "Also from the dairy aisle");
    await page.fill("#field-count", "6");
    await expect
      .poll(() => widgetTexts(frame, WIDGET, "h2"))
      .toEqual(["Also from the dairy aisle"]);
    await expect.poll(() => widgetTexts(frame, WIDGET, "li .name")).toHaveLength(6);
    // Nothing was saved: the shop still has the old title.
    expect(puts).toEqual([]);
    expect((await savedWidget()).settings.title).toBe(original.settings.title);
    const previewed = await shadowTree(frame, WIDGET);

    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved. The shop shows this version").waitFor();
    expect(puts).toHaveLength(1);

    const shop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await shop.goto(`${edge}/demo/products/${PRODUCT}`);
    await expect
      .poll(() => widgetTexts(shop, WIDGET, "li .name"), { timeout: 10_000 })
      .toHaveLength(6);
    expect(await widgetTexts(shop, WIDGET, "h2")).toEqual(["Also from the dairy aisle"]);
    // Compared whole, without normalising anything: the same mounting
    // code, component, styles and items must give the very same tree.
    expect(await shadowTree(shop, WIDGET)).toBe(previewed);

    expect(errors).toEqual([]);
    await shop.close();
    await page.close();
  });

  it("can be used with the keyboard alone", async () => {
    const { page, errors } = await editorPage();
    await page.goto(`${edge}/editor/`);
    await tabTo(page, "#sign-in-key");
    await page.keyboard.type(adminKey);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Widgets" }).waitFor();

    await tabTo(page, `a[href="/editor/widgets/${WIDGET}"]`);
    await page.keyboard.press("Enter");
    await page.locator("#field-title").waitFor();

    await tabTo(page, "#field-title");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Picked for you");
    await tabTo(page, "#field-count");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("13");
    const countError = page.locator("#field-count-error");
    await expect
      .poll(() => countError.textContent())
      .toBe("Item count must be between 1 and 12.");
    await page.keyboard.press("Backspace");
    await expect.poll(() => countError.count()).toBe(0);
    await tabTo(page, "#field-layout-grid");
    await page.keyboard.press("ArrowRight");
    await tabTo(page, "#field-pages-cart");
    await page.keyboard.press("Space");
    // Enter in a text field submits the form: Save.
    await tabTo(page, "#field-title");
    await page.keyboard.press("Enter");
    await page.getByText("Saved. The shop shows this version").waitFor();
    expect((await savedWidget()).settings).toMatchObject({
      title: "Picked for you",
      count: 1,
      layout: "carousel",
      pages: ["product", "cart"],
    });

    // Back to the list and into the delete dialog; Escape leaves it.
    await tabTo(page, "a.back");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Widgets" }).waitFor();
    const remove = `button[aria-label="Delete ${original.name}"]`;
    await tabTo(page, remove);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(
      await page.evaluate((css) => document.activeElement?.matches(css), remove),
    ).toBe(true);
    expect((await admin(`/widgets/${WIDGET}`)).status).toBe(200);

    expect(errors).toEqual([]);
    await page.close();
  });
});
