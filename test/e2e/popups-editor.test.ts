import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PopupRecord } from "../../preview/src/popups/types";
import { launchChromium } from "./browser";
import { previewFrame, tabTo } from "./editor-support";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${edge}/v1/sites/demo/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
  });
}

const popupIds = async () =>
  ((await (await admin("/popups")).json()) as { popups: PopupRecord[] }).popups.map(
    (popup) => popup.id,
  );

let browser: Browser;
let seeded: string[];
beforeAll(async () => {
  browser = await launchChromium();
  seeded = await popupIds();
});
// The pop-ups made here are deleted: the storefront's tests count on the
// seeded ones alone.
afterAll(async () => {
  for (const id of await popupIds()) {
    if (!seeded.includes(id)) await admin(`/popups/${id}`, { method: "DELETE" });
  }
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

/** The title of the pop-up the preview drew into its frame. */
function previewTitle(frame: Frame): Promise<string | undefined> {
  return frame.evaluate(() => {
    const root = document.querySelector('[data-vitrine-popup="preview"]')?.shadowRoot;
    return root?.querySelector('[role="dialog"] .title')?.textContent ?? undefined;
  });
}

describe("the pop-up editor", () => {
  it("creates a countdown from the gallery, previewing each change, and lists it", async () => {
    const { page, errors } = await editorPage();
    const puts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT") puts.push(request.url());
    });
    await signIn(page);
    await page.getByRole("link", { name: "Pop-ups" }).click();
    await page.getByRole("heading", { name: "Pop-ups" }).waitFor();
    await page.getByRole("link", { name: "New pop-up" }).click();
    await page
      .getByRole("heading", { name: "Increase conversion and average order value" })
      .waitFor();
    await page.getByRole("button", { name: "Countdown timer" }).click();
    await page.locator("#popup-settings-title").waitFor();

    const frame = await previewFrame(page);
    await expect.poll(() => frame.url()).toBe(`${edge}/demo/`);
    await expect
      .poll(() => previewTitle(frame), { timeout: 10_000 })
      .toBe("Hurry, the offer ends soon");
    await page.fill("#popup-name", "Weekend rush");
    await page.fill("#popup-settings-title", "Only hours left");
    await expect.poll(() => previewTitle(frame)).toBe("Only hours left");
    expect(puts).toEqual([]);

    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved. The shop shows this version").waitFor();
    expect(puts).toHaveLength(1);
    await page.getByRole("link", { name: "← Pop-ups" }).click();
    const row = page.getByRole("row", { name: /Weekend rush/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Countdown timer");

    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets the keyboard alone pick a template in the gallery", async () => {
    const { page, errors } = await editorPage();
    await signIn(page);
    await tabTo(page, 'nav a[href="/editor/popups"]');
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Pop-ups" }).waitFor();
    await tabTo(page, 'a[href="/editor/popups/new"]');
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { name: "Increase conversion and average order value" })
      .waitFor();
    // Every template is reachable with Tab; the thumbnails take no stop.
    const stops: string[] = [];
    await tabTo(page, ".popup-choice");
    for (let index = 0; index < 4; index++) {
      stops.push(
        await page.evaluate(
          () =>
            document.getElementById(
              document.activeElement?.getAttribute("aria-labelledby") ?? "",
            )?.textContent ?? "",
        ),
      );
      if (index < 3) await page.keyboard.press("Tab");
    }
    expect(stops).toEqual(["Countdown timer", "Social proof", "Upsell", "Cross-sell"]);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.locator("#popup-settings-title").waitFor();
    expect(new URL(page.url()).pathname).toBe("/editor/popups/new/upsell");
    // The preview's dialog took no focus from the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("IFRAME");

    expect(errors).toEqual([]);
    await page.close();
  });
});
