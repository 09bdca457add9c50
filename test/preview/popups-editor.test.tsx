import { afterEach, describe, expect, it, vi } from "vitest";
import { byId, type } from "./editor-page";
import { closePopups, fakePopupsAdmin, openPopups, previewPopup } from "./popups-admin";

/** The field's error as its `aria-describedby` points to it. */
function errorOf(id: string): string | undefined {
  const ids = byId(id).getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.find((each) => each.endsWith("-error"));
  return error ? (document.getElementById(error)?.textContent ?? undefined) : undefined;
}

const puts = (admin: ReturnType<typeof fakePopupsAdmin>) =>
  admin.calls.filter((call) => call.method === "PUT");
const previewTitle = () => previewPopup()?.querySelector(".title")?.textContent;

function choose(id: string) {
  byId<HTMLInputElement>(id).click();
}

async function creating(template: string, admin = fakePopupsAdmin()) {
  openPopups(admin.request, `/editor/popups/new/${template}`);
  await vi.waitFor(() => byId("popup-name"));
  return admin;
}

describe("the pop-up editor", () => {
  afterEach(closePopups);

  it("marks a wrong field with the template's own message as the marketer types", async () => {
    await creating("countdown");
    type(byId("popup-settings-title"), "   ");
    await vi.waitFor(() =>
      expect(errorOf("popup-settings-title")).toBe("Title must not be empty."),
    );
    expect(byId("popup-settings-title").getAttribute("aria-invalid")).toBe("true");

    type(byId("popup-settings-title"), "Last call");
    await vi.waitFor(() => expect(errorOf("popup-settings-title")).toBeUndefined());

    // A rule across fields: a fixed timer needs its deadline.
    choose("popup-settings-mode-fixed");
    await vi.waitFor(() =>
      expect(errorOf("popup-settings-deadline")).toBe(
        "Deadline is required when mode is fixed.",
      ),
    );
    type(byId("popup-settings-deadline"), "2026-12-24 18:00");
    await vi.waitFor(() =>
      expect(errorOf("popup-settings-deadline")).toMatch(/with its offset/),
    );
    type(byId("popup-targeting-segments"), "vip, not a segment!");
    await vi.waitFor(() =>
      expect(errorOf("popup-targeting-segments")).toMatch(
        /^Segments must be a segment id/,
      ),
    );
  });

  it("draws the dialog into the demo page's frame with the runtime's host, following each keystroke", async () => {
    const admin = await creating("countdown");
    await vi.waitFor(() => expect(previewTitle()).toBe("Hurry, the offer ends soon"));
    const frame = document.querySelector<HTMLIFrameElement>(".preview iframe");
    expect(frame?.getAttribute("src")).toBe("/demo/");
    expect(frame?.getAttribute("sandbox")).toBe("allow-same-origin");
    const host =
      frame?.contentDocument?.querySelector<HTMLElement>("[data-vitrine-popup]");
    expect(host?.style.getPropertyValue("position")).toBe("fixed");
    expect(previewPopup()?.adoptedStyleSheets).toHaveLength(2);
    const dialog = previewPopup()?.querySelector('[role="dialog"]');

    for (const title of ["L", "La", "Last call"]) {
      type(byId("popup-settings-title"), title);
      await vi.waitFor(() => expect(previewTitle()).toBe(title));
    }
    // Updated in place, not mounted again.
    expect(previewPopup()?.querySelector('[role="dialog"]')).toBe(dialog);
    type(byId("popup-settings-accentColor"), "#aa3300");
    await vi.waitFor(() =>
      expect(
        (
          previewPopup()?.querySelector(".dialog") as HTMLElement | null
        )?.style.getPropertyValue("--vitrine-accent"),
      ).toBe("#aa3300"),
    );
    // Invalid: the preview keeps the last valid title and says so.
    type(byId("popup-settings-title"), "");
    await vi.waitFor(() =>
      expect(document.querySelector(".preview-status")?.textContent).toMatch(
        /last valid settings/,
      ),
    );
    expect(previewTitle()).toBe("Last call");
    expect(puts(admin)).toHaveLength(0);
  });

  it("offers the site's products in an upsell preview", async () => {
    await creating("upsell");
    await vi.waitFor(() =>
      expect(previewPopup()?.querySelector(".name")?.textContent).toBe("Cheese"),
    );
    expect(previewPopup()?.querySelector(".price")?.textContent).toBe("$4.50");
  });

  it("saves the pop-up with PUT, as the edge takes it, then names it in the address", async () => {
    const admin = await creating("countdown");
    type(byId("popup-name"), "Christmas rush");
    type(byId("popup-settings-title"), "Last call");
    type(byId("popup-settings-durationMinutes"), "45");
    choose("popup-targeting-trigger-scroll");
    await vi.waitFor(() => byId("popup-targeting-scrollPercent"));
    type(byId("popup-targeting-scrollPercent"), "60");
    choose("popup-targeting-pageTypes-product");
    choose("popup-targeting-devices-mobile");
    type(byId("popup-targeting-segments"), "vip, newsletter");
    choose("popup-frequency-cap-days");
    await vi.waitFor(() => byId("popup-frequency-days"));
    type(byId("popup-frequency-days"), "3");
    type(byId("popup-frequency-maxCloses"), "1");
    const add = [...byId("popup-targeting-pages").querySelectorAll("button")].find(
      (each) => each.textContent === "Add a condition",
    );
    add?.click();
    await vi.waitFor(() => byId("popup-targeting-pages-0-value"));
    type(byId("popup-targeting-pages-0-value"), "/checkout");
    const negate = byId<HTMLSelectElement>("popup-targeting-pages-0-negate");
    negate.value = "not";
    negate.dispatchEvent(new Event("change", { bubbles: true }));
    type(byId("popup-priority"), "5");
    // Pressed once the form has taken every change, as a person would.
    await vi.waitFor(() =>
      expect(byId<HTMLInputElement>("popup-priority").value).toBe("5"),
    );
    await vi.waitFor(() => expect(document.querySelector(".field-error")).toBeNull());

    document.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await vi.waitFor(() => expect(puts(admin)).toHaveLength(1));
    const [put] = puts(admin);
    expect(put?.path).toMatch(/^\/popups\/countdown-[0-9a-f]{10}$/);
    expect(put?.body).toEqual({
      name: "Christmas rush",
      template: "countdown",
      enabled: true,
      priority: 5,
      settings: {
        title: "Last call",
        text: "Free shipping on every order until the timer runs out.",
        mode: "evergreen",
        deadline: "",
        durationMinutes: 45,
        buttonText: "",
        buttonUrl: "",
        accentColor: "#c0392b",
      },
      targeting: {
        pages: [{ match: "contains", negate: true, value: "/checkout" }],
        pageTypes: ["product"],
        trigger: "scroll",
        delaySeconds: 3,
        scrollPercent: 60,
        devices: ["mobile"],
        segments: ["vip", "newsletter"],
      },
      frequency: { cap: "days", days: 3, stopAfterConversion: true, maxCloses: 1 },
    });
    const id = put?.path.slice("/popups/".length);
    await vi.waitFor(() => expect(location.pathname).toBe(`/editor/popups/edit/${id}`));
    await vi.waitFor(() =>
      expect(document.querySelector("#editor-title")?.textContent).toBe("Christmas rush"),
    );
    expect(document.querySelector('[role="status"].saved')?.textContent).toMatch(
      /^Saved\./,
    );
  });

  it("shows the edge's refusal at the field it names and saves nothing", async () => {
    const admin = fakePopupsAdmin({
      refuse: { field: "settings.buttonText", message: "must not be shouted" },
    });
    await creating("upsell", admin);
    document.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await vi.waitFor(() =>
      expect(errorOf("popup-settings-buttonText")).toBe(
        "Button text must not be shouted.",
      ),
    );
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      "Not saved: settings.buttonText must not be shouted.",
    );
    expect(admin.popups.size).toBe(0);
    // Typing there again clears the edge's word, which may no longer hold.
    type(byId("popup-settings-buttonText"), "See it");
    await vi.waitFor(() => expect(errorOf("popup-settings-buttonText")).toBeUndefined());
  });

  it("loads a saved pop-up and tells the app when it has unsaved changes", async () => {
    const admin = fakePopupsAdmin({
      popups: [{ id: "proof", name: "Proof", template: "social-proof" }],
    });
    openPopups(admin.request, "/editor/popups/edit/proof");
    await vi.waitFor(() =>
      expect(byId<HTMLInputElement>("popup-settings-text").value).toBe(
        "{count} people bought this in the last {hours} hours",
      ),
    );
    await vi.waitFor(() =>
      expect(previewPopup()?.querySelector(".count")?.textContent).toBe("27"),
    );
    expect(document.querySelector(".dirty")?.textContent).toBe("");
    type(byId("popup-settings-text"), "{count} shoppers");
    await vi.waitFor(() =>
      expect(document.querySelector(".dirty")?.textContent).toBe("Unsaved changes"),
    );
    const back = document.querySelector<HTMLAnchorElement>("a.back");
    back?.click();
    await vi.waitFor(() => expect(document.querySelector("dialog")?.open).toBe(true));
    expect(document.querySelector("dialog h2")?.textContent).toBe(
      "Leave without saving?",
    );
  });
});
