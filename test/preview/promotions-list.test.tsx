import { afterEach, describe, expect, it, vi } from "vitest";
import { button, closeEditor, openEditor } from "./editor-page";
import { fakePromotionsAdmin } from "./promotions-admin";

const DAY = 86_400_000;

function table(): string[][] {
  return [...document.querySelectorAll(".promotion-list tbody tr")].map((row) =>
    [...row.children].slice(0, 5).map((cell) => cell.textContent ?? ""),
  );
}

const status = () => document.querySelector('.promotions [role="status"]')?.textContent;

async function listed(admin: ReturnType<typeof fakePromotionsAdmin>) {
  openEditor(admin.request, { path: "/editor/promotions" });
  await vi.waitFor(() => expect(table().length).toBeGreaterThan(0));
}

describe("the promotions list", () => {
  afterEach(closeEditor);

  it("shows each promotion's name, kind, value, target, period and switch", async () => {
    const now = Date.now();
    const admin = fakePromotionsAdmin({
      promotions: {
        "bread-15": {
          name: "Bread week",
          kind: "percent-off",
          value: "15",
          target: { type: "product", product: "bread" },
        },
        "dairy-50": {
          name: "Dairy 50c",
          kind: "amount-off",
          value: "0.50",
          target: { type: "category", category: "Dairy" },
          minOrderValue: "10",
          enabled: false,
        },
        "order-old": {
          name: "Two for the road",
          kind: "fixed-price",
          value: "20",
          target: { type: "order" },
          startsAt: now - 2 * DAY,
          endsAt: now - DAY,
        },
      },
    });
    await listed(admin);

    expect(table()).toEqual([
      ["Bread weekbread-15", "Percent off", "15 %", "Product bread", "Always"],
      [
        "Dairy 50cdairy-50",
        "Amount off",
        "$0.50 off",
        "Category Dairy, orders from $10.00",
        "Always",
      ],
      [
        "Two for the roadorder-old",
        "Fixed price",
        "for $20.00",
        "The whole order",
        expect.stringMatching(/ – .*\(ended\)$/),
      ],
    ]);
    const switches = [
      ...document.querySelectorAll<HTMLInputElement>(".promotion-list tbody input"),
    ];
    expect(switches.map((box) => [box.getAttribute("aria-label"), box.checked])).toEqual([
      ["Enabled: Bread week", true],
      ["Enabled: Dairy 50c", false],
      ["Enabled: Two for the road", true],
    ]);
    const nav = document.querySelector('nav a[aria-current="page"]');
    expect(nav?.textContent).toBe("Promotions");
    expect(document.querySelector("h1")?.textContent).toBe("Promotions");
  });

  it("enables and disables a promotion in one click, keeping the rest of it", async () => {
    const admin = fakePromotionsAdmin({
      promotions: {
        "bread-15": {
          name: "Bread week",
          kind: "percent-off",
          value: "12.5",
          target: { type: "product", product: "bread" },
          rounding: { mode: "half-even", step: "0.05" },
        },
      },
    });
    await listed(admin);
    document
      .querySelector<HTMLInputElement>('[aria-label="Enabled: Bread week"]')
      ?.click();

    await vi.waitFor(() => expect(status()).toBe("Bread week is disabled."));
    expect(admin.promotions.get("bread-15")).toMatchObject({
      enabled: false,
      value: 125_000n,
      rounding: { mode: "half-even", step: 5n },
    });
  });

  it("deletes only once the dialog is confirmed", async () => {
    const admin = fakePromotionsAdmin({
      promotions: {
        a: { name: "A", kind: "percent-off", value: "5", target: { type: "order" } },
        b: { name: "B", kind: "percent-off", value: "6", target: { type: "order" } },
      },
    });
    await listed(admin);
    const dialog = () => document.querySelector<HTMLDialogElement>(".promotions dialog");

    button("Delete A").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    expect(dialog()?.textContent).toContain("Delete A?");
    button("Cancel", dialog() ?? document).click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(false));
    expect(admin.calls.some((call) => call.method === "DELETE")).toBe(false);

    button("Delete A").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    button("Delete", dialog() ?? document).click();
    await vi.waitFor(() => expect(table().map((row) => row[0])).toEqual(["Bb"]));
    expect([...admin.promotions.keys()]).toEqual(["b"]);
    expect(status()).toBe("Deleted A.");
  });
});
