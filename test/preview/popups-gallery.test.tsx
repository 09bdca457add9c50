import { afterEach, describe, expect, it, vi } from "vitest";
import { button } from "./editor-page";
import { closePopups, fakePopupsAdmin, openPopups } from "./popups-admin";

const choices = () => [...document.querySelectorAll<HTMLButtonElement>(".popup-choice")];
const labelOf = (choice: HTMLButtonElement) =>
  document.getElementById(choice.getAttribute("aria-labelledby") ?? "")?.textContent;

describe("the pop-up gallery", () => {
  afterEach(closePopups);

  it("offers the four templates, each described and drawn by its own component", async () => {
    openPopups(fakePopupsAdmin().request, "/editor/popups/new");
    await vi.waitFor(() =>
      expect(document.querySelector("h1")?.textContent).toBe(
        "Increase conversion and average order value",
      ),
    );
    expect(choices().map(labelOf)).toEqual([
      "Countdown timer",
      "Social proof",
      "Upsell",
      "Cross-sell",
    ]);
    for (const choice of choices()) {
      const description = choice.getAttribute("aria-describedby") ?? "";
      expect(document.getElementById(description)?.textContent?.length).toBeGreaterThan(
        20,
      );
    }

    const root = (index: number) =>
      choices()[index]?.querySelector(".popup-thumb-host")?.shadowRoot;
    await vi.waitFor(() => {
      for (const index of [0, 1, 2, 3]) {
        expect(root(index)?.querySelector('[role="dialog"]')).toBeTruthy();
      }
    });
    // The templates' defaults and sample data, as their components draw them.
    expect(root(0)?.querySelector(".title")?.textContent).toBe(
      "Hurry, the offer ends soon",
    );
    expect(root(0)?.querySelectorAll(".unit")).toHaveLength(4);
    expect(root(1)?.querySelector(".count")?.textContent).toBe("27");
    expect(root(2)?.querySelector(".name")?.textContent).toBe("Cheese");
    expect(root(3)?.querySelectorAll(".name")).toHaveLength(3);
    // Dialog and template styles are adopted as on the shop.
    expect(root(0)?.adoptedStyleSheets).toHaveLength(2);
  });

  it("opens a new pop-up of the picked template", async () => {
    openPopups(fakePopupsAdmin().request, "/editor/popups/new");
    await vi.waitFor(() => expect(choices()).toHaveLength(4));
    choices()[1]?.click();
    await vi.waitFor(() =>
      expect(document.querySelector("#editor-title")?.textContent).toBe("New pop-up"),
    );
    expect(location.pathname).toBe("/editor/popups/new/social-proof");
    expect(document.querySelector<HTMLInputElement>("#popup-name")?.value).toBe(
      "Social proof",
    );
  });
});

describe("the pop-up list", () => {
  afterEach(closePopups);

  const seeded = () =>
    fakePopupsAdmin({
      popups: [
        {
          id: "hurry",
          name: "Hurry",
          template: "countdown",
          targeting: {
            trigger: "scroll",
            scrollPercent: 40,
            pageTypes: ["product"],
            pages: [{ match: "contains", negate: true, value: "/checkout" }],
          },
        },
        { id: "proof", name: "Proof", template: "social-proof", enabled: false },
      ],
    });

  it("shows each pop-up's template, trigger, pages and whether it is enabled", async () => {
    openPopups(seeded().request);
    await vi.waitFor(() => expect(document.querySelectorAll("tbody tr")).toHaveLength(2));
    const rows = [...document.querySelectorAll("tbody tr")].map((row) =>
      [...row.querySelectorAll("th, td")].slice(0, 4).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      [
        "Hurry",
        "Countdown timer",
        "At 40 % scrolled",
        'Product pages; address does not contain "/checkout"',
      ],
      ["Proof", "Social proof", "3 s after load", "Every page"],
    ]);
    const switches = [...document.querySelectorAll<HTMLInputElement>('[role="switch"]')];
    expect(switches.map((each) => each.checked)).toEqual([true, false]);
  });

  it("duplicates a pop-up under a free id, disabled, with the same settings", async () => {
    const admin = seeded();
    openPopups(admin.request);
    await vi.waitFor(() => expect(document.querySelectorAll("tbody tr")).toHaveLength(2));

    button("Duplicate Hurry").click();
    await vi.waitFor(() => expect(document.querySelectorAll("tbody tr")).toHaveLength(3));
    const copy = admin.popups.get("hurry-copy");
    const original = admin.popups.get("hurry");
    expect(copy).toMatchObject({ name: "Hurry (copy)", enabled: false });
    expect(copy?.settings).toEqual(original?.settings);
    expect(copy?.targeting).toEqual(original?.targeting);
    expect(copy?.frequency).toEqual(original?.frequency);
  });

  it("enables with a save, and deletes only once confirmed", async () => {
    const admin = seeded();
    openPopups(admin.request);
    await vi.waitFor(() => expect(document.querySelectorAll("tbody tr")).toHaveLength(2));

    document.querySelector<HTMLInputElement>('[aria-label="Enabled: Proof"]')?.click();
    await vi.waitFor(() =>
      expect(document.querySelector('[role="status"]')?.textContent).toBe(
        "Proof is enabled.",
      ),
    );
    expect(admin.popups.get("proof")?.enabled).toBe(true);

    button("Delete Hurry").click();
    await vi.waitFor(() => expect(document.querySelector("dialog")?.open).toBe(true));
    expect(admin.popups.has("hurry")).toBe(true);
    button("Delete", document.querySelector("dialog") ?? document).click();
    await vi.waitFor(() => expect(document.querySelectorAll("tbody tr")).toHaveLength(1));
    expect(admin.popups.has("hurry")).toBe(false);
  });
});
