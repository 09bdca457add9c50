import { afterEach, describe, expect, it, vi } from "vitest";
import { fieldId } from "../../preview/src/editor/SettingsFields";
import { byId, closeEditor, openEditor, type } from "./editor-page";
import { fakeAdmin, product, widgetRecord } from "./fake-admin";

const frame = () => document.querySelector("iframe");

function placeholder(id: string): HTMLElement | null | undefined {
  return frame()?.contentDocument?.querySelector<HTMLElement>(
    `[data-vitrine-widget="${id}"]`,
  );
}

const shadowText = (id: string, selector: string) =>
  [...(placeholder(id)?.shadowRoot?.querySelectorAll(selector) ?? [])].map(
    (node) => node.textContent,
  );

const previews = (admin: ReturnType<typeof fakeAdmin>) =>
  admin.calls.filter((call) => call.path === "/widgets/preview");

async function previewing(admin: ReturnType<typeof fakeAdmin>, path: string) {
  openEditor(admin.request, { path });
  await vi.waitFor(() =>
    expect(frame()?.getAttribute("src")).toBe("/demo/products/milk"),
  );
}

describe("the live preview", () => {
  afterEach(closeEditor);

  it("draws the widget into the page's placeholder as the runtime does", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("product-fbt", { count: 3 })] });
    await previewing(admin, "/editor/widgets/product-fbt");

    await vi.waitFor(() => expect(shadowText("product-fbt", "li .name")).toHaveLength(3));
    const root = placeholder("product-fbt")?.shadowRoot;
    expect(root?.mode).toBe("open");
    expect(root?.adoptedStyleSheets[0]?.cssRules.length).toBeGreaterThan(5);
    expect(shadowText("product-fbt", "h2")).toEqual(["Frequently bought together"]);
    // The page's other placeholder stays as it is before the runtime runs.
    expect(placeholder("product-similar")?.shadowRoot).toBeNull();
    // Not scripted: the frame runs none of the page's scripts.
    expect(frame()?.getAttribute("sandbox")).toBe("allow-same-origin");
  });

  it("follows texts and colours on every keystroke, without asking the edge or saving", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("product-fbt")] });
    await previewing(admin, "/editor/widgets/product-fbt");
    await vi.waitFor(() => expect(shadowText("product-fbt", "h2")).toHaveLength(1));
    const asked = previews(admin).length;

    for (const title of ["G", "Go", "Goes well with"]) {
      type(byId(fieldId("title")), title);
      await vi.waitFor(() => expect(shadowText("product-fbt", "h2")).toEqual([title]));
    }
    type(byId(fieldId("buttonText")), "Add");
    type(byId(fieldId("accentColor")), "#aa3300");
    await vi.waitFor(() =>
      expect(shadowText("product-fbt", "a.button")).toEqual(Array(4).fill("Add")),
    );
    const section = placeholder("product-fbt")?.shadowRoot?.querySelector("section");
    expect(section?.style.getPropertyValue("--vitrine-accent")).toBe("#aa3300");

    expect(previews(admin)).toHaveLength(asked);
    expect(admin.calls.some((call) => call.method === "PUT")).toBe(false);
  });

  it("asks the edge again once typing pauses, for the count, algorithm or window", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("product-fbt")] });
    await previewing(admin, "/editor/widgets/product-fbt");
    await vi.waitFor(() => expect(shadowText("product-fbt", "li")).toHaveLength(4));
    const asked = previews(admin).length;

    type(byId(fieldId("count")), "1");
    // Fewer items show at once, from those already loaded.
    await vi.waitFor(() => expect(shadowText("product-fbt", "li")).toHaveLength(1));
    type(byId(fieldId("count")), "12");
    await vi.waitFor(() => expect(shadowText("product-fbt", "li")).toHaveLength(12));

    expect(
      previews(admin)
        .slice(asked)
        .map((call) => call.body),
    ).toEqual([{ settings: expect.objectContaining({ count: 12 }), product: "milk" }]);
  });

  it("shows a clear state when there are no items, leaving the placeholder empty", async () => {
    const admin = fakeAdmin({
      widgets: [widgetRecord("product-fbt")],
      items: (settings) =>
        settings.algorithm === "recently-viewed" ? [] : [product("a")],
    });
    await previewing(admin, "/editor/widgets/product-fbt");
    await vi.waitFor(() => expect(shadowText("product-fbt", "li")).toHaveLength(1));

    const algorithm = byId<HTMLSelectElement>(fieldId("algorithm"));
    algorithm.value = "recently-viewed";
    algorithm.dispatchEvent(new Event("change", { bubbles: true }));

    await vi.waitFor(() =>
      expect(
        document.querySelector(".preview-status [role=status]")?.textContent,
      ).toMatch(/^No items: it shows what one shopper viewed/),
    );
    expect(shadowText("product-fbt", "li")).toEqual([]);
    expect(placeholder("product-fbt")?.style.getPropertyValue("outline")).toContain(
      "dashed",
    );
  });

  it("previews a new widget in the page's first placeholder, and says so", async () => {
    const admin = fakeAdmin();
    await previewing(admin, "/editor/new");
    type(byId(fieldId("id")), "home-picks");

    await vi.waitFor(() => expect(shadowText("product-fbt", "h2")).toHaveLength(1));
    expect(document.querySelector(".preview-status")?.textContent).toContain(
      'The demo page has no placeholder for "home-picks": shown in the one of "product-fbt".',
    );
  });

  it("switches between desktop and mobile widths", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("product-fbt")] });
    await previewing(admin, "/editor/widgets/product-fbt");
    expect(frame()?.getAttribute("width")).toBe("1280");
    byId<HTMLInputElement>("viewport-mobile").click();
    await vi.waitFor(() => expect(frame()?.getAttribute("width")).toBe("375"));
  });
});
