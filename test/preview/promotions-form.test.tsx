import { afterEach, describe, expect, it, vi } from "vitest";
import { button, byId, closeEditor, openEditor, type } from "./editor-page";
import { fakePromotionsAdmin } from "./promotions-admin";

/** The field's error as its `aria-describedby` points to it. */
function errorOf(id: string): string | undefined {
  const ids = byId(id).getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.find((each) => each.endsWith("-error"));
  return error ? (document.getElementById(error)?.textContent ?? undefined) : undefined;
}

const alert = () => document.querySelector('[role="alert"]')?.textContent;
const puts = (admin: ReturnType<typeof fakePromotionsAdmin>) =>
  admin.calls.filter((call) => call.method === "PUT");

function choose(id: string, value: string) {
  const select = byId<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

async function creating(admin = fakePromotionsAdmin()) {
  openEditor(admin.request, { path: "/editor/promotions/new" });
  await vi.waitFor(() => byId("promotion-name"));
  return admin;
}

/** Types a new promotion's name and waits for the id made from it. */
async function name(text: string, id: string) {
  type(byId("promotion-name"), text);
  await vi.waitFor(() => expect(byId<HTMLInputElement>("promotion-id").value).toBe(id));
}

describe("the promotion form", () => {
  afterEach(closeEditor);

  it("shows the edge's refusal at the field it names, then saves and lists it", async () => {
    const admin = await creating();
    choose("promotion-kind", "amount-off");
    type(byId("promotion-value"), "0.255");
    type(byId("promotion-product"), "bread");
    await name("Bread week", "bread-week");
    button("Save").click();

    await vi.waitFor(() =>
      expect(errorOf("promotion-value")).toBe(
        "Value has 3 decimals, but USD amounts have at most 2.",
      ),
    );
    expect(byId("promotion-value").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(byId("promotion-value"));
    expect(alert()).toBe(
      "Not saved: Value has 3 decimals, but USD amounts have at most 2.",
    );
    expect(admin.promotions.size).toBe(0);

    type(byId("promotion-value"), "0.25");
    await vi.waitFor(() => expect(errorOf("promotion-value")).toBeUndefined());
    button("Save").click();

    await vi.waitFor(() => expect(location.pathname).toBe("/editor/promotions"));
    await vi.waitFor(() =>
      expect(document.querySelector(".promotion-list tbody th a")?.textContent).toBe(
        "Bread week",
      ),
    );
    expect(document.querySelector(".promotions [role=status]")?.textContent).toContain(
      "Created Bread week.",
    );
    expect(puts(admin).at(-1)).toMatchObject({
      path: "/promotions/bread-week",
      body: {
        name: "Bread week",
        kind: "amount-off",
        value: "0.25",
        target: { type: "product", product: "bread" },
        minOrderValue: null,
        startsAt: null,
        endsAt: null,
        rounding: null,
        enabled: true,
      },
    });
  });

  it("names nested fields too: the target's product and the rounding step", async () => {
    await creating();
    type(byId("promotion-value"), "10");
    type(byId("promotion-product"), "no spaces");
    await name("Odd", "odd");
    button("Save").click();
    await vi.waitFor(() =>
      expect(errorOf("promotion-product")).toBe(
        "Product must be 1 to 64 letters, digits, '_', '.', ':' or '-'.",
      ),
    );

    type(byId("promotion-product"), "bread");
    type(byId("promotion-rounding-step"), "0");
    await vi.waitFor(() => expect(errorOf("promotion-product")).toBeUndefined());
    button("Save").click();
    await vi.waitFor(() =>
      expect(errorOf("promotion-rounding-step")).toBe(
        "Rounding step must be at least one minor unit of USD (0.01).",
      ),
    );
  });

  it("does not save over a promotion that has the id already", async () => {
    const admin = await creating(
      fakePromotionsAdmin({
        promotions: {
          "bread-week": {
            name: "The old one",
            kind: "percent-off",
            value: "5",
            target: { type: "order" },
          },
        },
      }),
    );
    type(byId("promotion-value"), "10");
    type(byId("promotion-product"), "bread");
    await name("Bread week", "bread-week");
    button("Save").click();

    await vi.waitFor(() =>
      expect(errorOf("promotion-id")).toBe('Id is already taken by "The old one".'),
    );
    expect(puts(admin)).toEqual([]);
  });

  it("edits a promotion, sending back what the form left alone", async () => {
    const startsAt = Date.UTC(2030, 0, 1, 9, 30, 15, 250);
    const admin = fakePromotionsAdmin({
      promotions: {
        dairy: {
          name: "Dairy days",
          kind: "percent-off",
          value: "12.5",
          target: { type: "category", category: "Dairy" },
          startsAt,
          rounding: { mode: "half-even", step: "0.05" },
        },
      },
    });
    openEditor(admin.request, { path: "/editor/promotions" });
    const link = 'a[href="/editor/promotions/edit/dairy"]';
    await vi.waitFor(() => expect(document.querySelector(link)).not.toBeNull());
    document.querySelector<HTMLAnchorElement>(link)?.click();
    await vi.waitFor(() =>
      expect(byId<HTMLInputElement>("promotion-name").value).toBe("Dairy days"),
    );
    expect(byId<HTMLInputElement>("promotion-id").readOnly).toBe(true);
    expect(byId<HTMLSelectElement>("promotion-rounding-mode").value).toBe("half-even");

    type(byId("promotion-name"), "Dairy weeks");
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain("Unsaved changes"),
    );
    button("Save").click();
    await vi.waitFor(() => expect(location.pathname).toBe("/editor/promotions"));
    expect(puts(admin)[0]?.body).toEqual({
      name: "Dairy weeks",
      kind: "percent-off",
      value: "12.5",
      target: { type: "category", category: "Dairy" },
      minOrderValue: null,
      startsAt,
      endsAt: null,
      rounding: { mode: "half-even", step: "0.05" },
      enabled: true,
    });
  });
});
