import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const edge = inject("edgeUrl");
const adminKey = inject("adminKey");

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${edge}/v1/sites/demo/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
  });
}

/** A back end calling the operations endpoint with an integration key. */
function callWith(key: string, operation: string): Promise<Response> {
  const id = `e2e-${operation}-${Date.now().toString(36)}`;
  const data =
    operation === "Order"
      ? { order: id, items: [{ product: "whole-milk" }] }
      : { product: "whole-milk" };
  return fetch(`${edge}/v1/sites/demo/operations`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      actions: [{ id, operation, at: Date.now(), customer: "customer-0001", data }],
    }),
  });
}

let browser: Browser;
let retention: unknown;
beforeAll(async () => {
  browser = await launchChromium();
  retention = await (await admin("/segments/retention")).json();
});
afterAll(async () => {
  await admin("/segments/retention", { method: "PUT", body: JSON.stringify(retention) });
  await browser?.close();
});

async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${edge}/editor/`);
  await page.fill("#sign-in-key", adminKey);
  await page.press("#sign-in-key", "Enter");
  await page.getByRole("heading", { name: "Widgets" }).waitFor();
  return { page, errors };
}

describe("integrations in the back office", () => {
  it("creates an integration whose key works for its operations only, monitors it, and revokes it", async () => {
    const { page, errors } = await signedIn();
    await page.getByRole("link", { name: "Integrations" }).click();
    await page.getByRole("heading", { name: "Integrations", exact: true }).waitFor();
    // The seeded demo integration is listed.
    await page.getByText("Shop back end (demo)").waitFor();

    await page.fill("#integration-name", "Warehouse e2e");
    await page.getByLabel("Back-end API").check();
    await page.getByLabel("CalculateCart").uncheck();
    await page.getByRole("button", { name: "Create and show its key" }).click();
    const keyField = page.locator("#integration-key");
    await keyField.waitFor();
    const key = await keyField.inputValue();
    expect(key).toMatch(/^vt_ik_/);

    expect((await callWith(key, "Order")).status).toBe(202);
    const refused = await callWith(key, "ViewProduct");
    expect(refused.status).toBe(403);
    expect(
      ((await refused.json()) as { error: { operation: string } }).error.operation,
    ).toBe("ViewProduct");

    await page.getByRole("button", { name: "Done, I have stored it" }).click();
    await expect.poll(() => keyField.count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    await page.getByRole("link", { name: "Monitoring" }).click();
    await page.getByRole("heading", { name: "Integration monitoring" }).waitFor();
    const integrationId = await page
      .locator("#filter-integration option", { hasText: "Warehouse e2e" })
      .getAttribute("value");
    await page.selectOption("#filter-integration", integrationId ?? "");
    // Records are written after the answer (waitUntil): wait for both.
    await expect
      .poll(
        async () => {
          await page.selectOption("#filter-status", "error");
          await page.selectOption("#filter-status", "");
          return page.locator(".records tbody tr").count();
        },
        { timeout: 15_000 },
      )
      .toBe(2);
    await page.selectOption("#filter-status", "error");
    await expect.poll(() => page.locator(".records tbody tr").count()).toBe(1);
    await expect(page.locator(".records tbody").textContent()).resolves.toContain(
      "operation_not_allowed",
    );

    await page.getByRole("button", { name: "Back to integrations" }).click();
    await page.getByRole("button", { name: "Revoke Warehouse e2e" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Revoked Warehouse e2e.").waitFor();
    expect((await callWith(key, "Order")).status).toBe(401);
    expect(errors).toEqual([]);
  });
});

describe("auto-deletion exceptions in the back office", () => {
  it("chooses exception segments with a live count of what the next run removes", async () => {
    const { page, errors } = await signedIn();
    await page.getByRole("link", { name: "Segments" }).click();
    await page.getByRole("heading", { name: "Segments", exact: true }).waitFor();
    const preview = page.locator(".retention-preview");
    const count = async () => {
      const text = (await preview.textContent()) ?? "";
      const match = /removes ([\d,]+) rows?/.exec(text);
      return match?.[1] ? Number(match[1].replaceAll(",", "")) : Number.NaN;
    };
    // The seed keeps 14 days of history and the loyal segment's in full.
    await expect.poll(count).toBeGreaterThan(0);
    const seeded = await count();

    const loyal = page.getByRole("checkbox", {
      name: "Loyal: 5 or more orders in 30 days",
    });
    const lapsed = page.getByRole("checkbox", { name: "No visit for 10 days" });
    await expect(loyal.isChecked()).resolves.toBe(true);
    await loyal.uncheck();
    await expect.poll(count).toBeGreaterThan(seeded);
    await lapsed.check();
    // The page counts with the edge's own query: the same as asking it.
    const draft = (await (
      await admin("/segments/retention/preview?days=14&exceptions=lapsed")
    ).json()) as { rows: number };
    await expect.poll(count).toBe(draft.rows);
    const chosen = draft.rows;

    await page.getByRole("button", { name: "Save auto-deletion" }).click();
    await page.getByText("Saved. The next hourly run applies it.").waitFor();
    expect(await (await admin("/segments/retention")).json()).toEqual({
      historyDays: 14,
      exceptions: ["lapsed"],
    });

    await page.reload();
    await page.getByRole("heading", { name: "Segments", exact: true }).waitFor();
    await expect.poll(() => lapsed.isChecked()).toBe(true);
    await expect(loyal.isChecked()).resolves.toBe(false);
    await expect.poll(count).toBe(chosen);
    expect(errors).toEqual([]);
  });
});
