import { afterEach, describe, expect, it, vi } from "vitest";
import { button, byId, closeEditor, openEditor, type } from "./editor-page";
import { fakePromotionsAdmin } from "./promotions-admin";

const breadFifteen = {
  name: "Bread 15 %",
  kind: "percent-off",
  value: "15",
  target: { type: "product", product: "bread" },
};

/** The example's lines: product, quantity, regular, half-up, half-even,
 * and whether the line is marked as differing. */
function example() {
  return [...document.querySelectorAll(".rounding-example tbody tr")].map((row) => {
    const cells = [...row.querySelectorAll("td")].map((cell) => cell.textContent);
    return {
      product: row.querySelector("th")?.firstChild?.textContent,
      quantity: row.querySelector<HTMLInputElement>("input.quantity")?.value,
      prices: cells.slice(1, 4),
      differs: row.classList.contains("differs"),
    };
  });
}

const totals = () =>
  [...document.querySelectorAll(".rounding-example tfoot td")]
    .map((cell) => cell.textContent)
    .filter(Boolean);

function errorOf(id: string): string | undefined {
  const ids = byId(id).getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.find((each) => each.endsWith("-error"));
  return error ? (document.getElementById(error)?.textContent ?? undefined) : undefined;
}

async function showing(admin: ReturnType<typeof fakePromotionsAdmin>) {
  openEditor(admin.request, { path: "/editor/promotions" });
  await vi.waitFor(() => expect(example()[0]?.prices[1]).toMatch(/^\$/));
}

const examples = (admin: ReturnType<typeof fakePromotionsAdmin>) =>
  admin.calls.filter((call) => call.path === "/rounding/example");

describe("the rounding setting and its live example", () => {
  afterEach(closeEditor);

  it("prices a sample cart half-up and half-even side by side, marking where they differ", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);

    const headers = [...document.querySelectorAll(".rounding-example thead th")].map(
      (cell) => cell.textContent,
    );
    expect(headers.slice(0, 5)).toEqual([
      "Product",
      "Quantity",
      "Regular",
      "Half-upchosen",
      "Half-even",
    ]);
    // The promoted bread first, then best sellers; 2.50 − 15 % = 2.125.
    expect(example()).toEqual([
      {
        product: "Bread",
        quantity: "1",
        prices: ["$2.50", "$2.13", "$2.12"],
        differs: true,
      },
      {
        product: "Milk",
        quantity: "2",
        prices: ["$3.98", "$3.98", "$3.98"],
        differs: false,
      },
      {
        product: "Cheese",
        quantity: "3",
        prices: ["$13.50", "$13.50", "$13.50"],
        differs: false,
      },
    ]);
    expect(totals()).toEqual(["$19.98", "$19.61", "$19.60"]);
    expect(
      document.querySelector(".rounding-example tbody tr.differs th")?.textContent,
    ).toBe("BreadBread 15 %differs");
    expect(examples(admin)[0]?.body).toEqual({
      items: [
        { product: "bread", quantity: 1 },
        { product: "milk", quantity: 2 },
        { product: "cheese", quantity: 3 },
      ],
      rounding: { step: "0.01", scope: "unit" },
    });
  });

  it("says what each mode does, half-up below zero included", async () => {
    await showing(fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } }));
    const description = (mode: string) =>
      document.getElementById(
        byId(`rounding-mode-${mode}`).getAttribute("aria-describedby") ?? "",
      )?.textContent;
    expect(description("half-up")).toContain("−2.5 becoming −3");
    expect(description("half-even")).toContain("4.5 becomes 4");
    expect(byId<HTMLInputElement>("rounding-mode-half-up").checked).toBe(true);
  });

  it("follows the step, scope and quantities as they are typed, saving nothing", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);

    type(byId("rounding-step"), "0.05");
    // 2.125 is 42.5 steps of 0.05: 43 half-up, the even 42 half-even.
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$2.50", "$2.15", "$2.10"]),
    );
    type(byId("example-quantity-bread"), "2");
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$5.00", "$4.30", "$4.20"]),
    );
    // Per line, 2 × 2.125 = 4.25 is a whole number of steps: no half.
    byId<HTMLInputElement>("rounding-scope-line").click();
    await vi.waitFor(() =>
      expect(example()[0]).toMatchObject({
        prices: ["$5.00", "$4.25", "$4.25"],
        differs: false,
      }),
    );
    expect(examples(admin).at(-1)?.body).toMatchObject({
      rounding: { step: "0.05", scope: "line" },
    });
    expect(admin.calls.some((call) => call.method === "PUT")).toBe(false);
    expect(document.body.textContent).toContain("Unsaved changes");
  });

  it("shows the edge's refusal at the step or the quantity, keeping the last prices", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);

    type(byId("rounding-step"), "0.005");
    await vi.waitFor(() =>
      expect(errorOf("rounding-step")).toBe(
        "Step has 3 decimals, but USD amounts have at most 2.",
      ),
    );
    expect(example()[0]?.prices).toEqual(["$2.50", "$2.13", "$2.12"]);

    type(byId("rounding-step"), "0.05");
    await vi.waitFor(() => expect(errorOf("rounding-step")).toBeUndefined());
    type(byId("example-quantity-milk"), "0");
    await vi.waitFor(() =>
      expect(errorOf("example-quantity-milk")).toBe(
        "Quantity must be a whole number from 1 to 999.",
      ),
    );
    expect(byId("example-quantity-milk").getAttribute("aria-invalid")).toBe("true");
  });

  it("re-prices when a promotion is switched off in the list", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);
    document
      .querySelector<HTMLInputElement>('[aria-label="Enabled: Bread 15 %"]')
      ?.click();
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$2.50", "$2.50", "$2.50"]),
    );
    expect(document.querySelector(".rounding-example")?.textContent).toContain(
      "nothing to round",
    );
  });

  it("adds and removes sample products", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);
    button("Remove Milk").click();
    await vi.waitFor(() =>
      expect(example().map((line) => line.product)).toEqual(["Bread", "Cheese"]),
    );
    await vi.waitFor(() =>
      expect(byId<HTMLSelectElement>("example-product").value).toBe("milk"),
    );
    button("Add to the cart").click();
    await vi.waitFor(() =>
      expect(example().map((line) => line.product)).toEqual(["Bread", "Cheese", "Milk"]),
    );
    await vi.waitFor(() => expect(example()[2]?.prices[1]).toBe("$1.99"));
  });

  it("saves the mode, step and scope, which carts then use", async () => {
    const admin = fakePromotionsAdmin({ promotions: { "bread-15": breadFifteen } });
    await showing(admin);
    byId<HTMLInputElement>("rounding-mode-half-even").click();
    type(byId("rounding-step"), " 0.05 ");
    await vi.waitFor(() =>
      expect(document.querySelector(".rounding-example th.chosen")?.textContent).toBe(
        "Half-evenchosen",
      ),
    );
    button("Save rounding").click();

    await vi.waitFor(() =>
      expect(document.querySelector(".rounding-form [role=status]")?.textContent).toBe(
        "Saved. Carts are rounded this way from their next calculation.",
      ),
    );
    expect(admin.rounding()).toEqual({ mode: "half-even", step: 5n, scope: "unit" });
    expect(byId<HTMLInputElement>("rounding-step").value).toBe("0.05");
    expect(document.body.textContent).not.toContain("Unsaved changes");
  });

  it("warns in words where a step makes a cheap line free, and about the saved step", async () => {
    const admin = fakePromotionsAdmin({
      promotions: {
        "milk-10": {
          name: "Milk 10 %",
          kind: "percent-off",
          value: "10",
          target: { type: "product", product: "milk" },
        },
      },
    });
    await showing(admin);
    const warnings = () =>
      [...document.querySelectorAll(".rounding-warning")].map((each) => ({
        role: each.getAttribute("role"),
        text: each.textContent,
      }));
    // Three milks; to the cent, 1.99 − 10 % = 1.791 becomes 1.79: nothing
    // to warn about.
    type(byId("example-quantity-milk"), "3");
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$5.97", "$5.37", "$5.37"]),
    );
    expect(warnings()).toEqual([]);

    // To 10.00, 1.791 is 0.18 steps: 0.00, the milk is free.
    type(byId("rounding-step"), "10");
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$5.97", "$0.00", "$0.00"]),
    );
    await vi.waitFor(() =>
      expect(warnings()).toEqual([
        {
          role: "alert",
          text:
            "Warning: with this step, rounding half-up changes some lines by more than half." +
            "Milk: Rounding to 10.00 makes this line free. ($5.37 without rounding, $0.00 rounded)",
        },
      ]),
    );
    expect(document.querySelector(".rounding-example tbody tr th")?.textContent).toBe(
      "MilkMilk 10 %rounding warning",
    );

    // Saved anyway, with the edge's warning beside the step.
    button("Save rounding").click();
    await vi.waitFor(() =>
      expect(document.getElementById("rounding-step-warning")?.textContent).toBe(
        "Warning: the saved step can change the prices of cheap products a lot." +
          "A step of 10.00 is larger than your cheapest product (1.99): rounding each unit price to it can make products free or double their price.",
      ),
    );
    expect(document.getElementById("rounding-step-warning")?.getAttribute("role")).toBe(
      "alert",
    );
    expect(admin.rounding().step).toBe(1000n);

    // Back to the cent: both warnings go once saved.
    type(byId("rounding-step"), "0.01");
    await vi.waitFor(() =>
      expect(example()[0]?.prices).toEqual(["$5.97", "$5.37", "$5.37"]),
    );
    button("Save rounding").click();
    await vi.waitFor(() => expect(warnings()).toEqual([]));
  });
});
