import { afterEach, describe, expect, it, vi } from "vitest";
import { fieldId } from "../../preview/src/editor/SettingsFields";
import { recommendationDefaults } from "../../templates/recommendations/settings";
import { button, byId, closeEditor, openEditor, type } from "./editor-page";
import { fakeAdmin, widgetRecord } from "./fake-admin";

async function editing(admin = fakeAdmin({ widgets: [widgetRecord("fbt")] })) {
  openEditor(admin.request, { path: "/editor/widgets/fbt" });
  await vi.waitFor(() => byId(fieldId("title")));
  return admin;
}

const field = (name: Parameters<typeof fieldId>[0]) =>
  byId<HTMLInputElement>(fieldId(name));

/** The field's error as its `aria-describedby` points to it. */
function errorOf(input: HTMLElement): string | undefined {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const error = ids.find((id) => id.endsWith("-error"));
  return error ? (document.getElementById(error)?.textContent ?? undefined) : undefined;
}

const puts = (admin: ReturnType<typeof fakeAdmin>) =>
  admin.calls.filter((call) => call.method === "PUT");

describe("the widget form", () => {
  afterEach(closeEditor);

  it("has a labelled control for every setting of the template", async () => {
    await editing();
    for (const name of Object.keys(recommendationDefaults)) {
      const control =
        document.getElementById(`field-${name}`) ??
        document.querySelector(`[name="field-${name}"]`);
      expect(control, name).not.toBeNull();
      const labelled =
        control?.closest("fieldset.choices")?.querySelector("legend") ??
        document.querySelector(`label[for="field-${name}"]`);
      expect(labelled?.textContent, name).toBeTruthy();
    }
  });

  it("shows the template's errors at their field as you type, and clears them", async () => {
    await editing();
    type(field("title"), "   ");
    await vi.waitFor(() =>
      expect(errorOf(field("title"))).toBe("Title must not be empty."),
    );
    expect(field("title").getAttribute("aria-invalid")).toBe("true");

    type(field("count"), "13");
    await vi.waitFor(() =>
      expect(errorOf(field("count"))).toBe("Item count must be between 1 and 12."),
    );
    type(field("count"), "1.5");
    await vi.waitFor(() =>
      expect(errorOf(field("count"))).toBe("Item count must be a whole number."),
    );
    type(field("accentColor"), "green");
    await vi.waitFor(() =>
      expect(errorOf(field("accentColor"))).toBe(
        "Accent colour must be a colour like #1f6f5c.",
      ),
    );
    // Each field shows its own problem, not only the first of the form.
    expect(errorOf(field("title"))).toBe("Title must not be empty.");

    type(field("title"), "Goes well with");
    type(field("count"), "6");
    await vi.waitFor(() => expect(errorOf(field("title"))).toBeUndefined());
    expect(errorOf(field("count"))).toBeUndefined();
    expect(field("count").hasAttribute("aria-invalid")).toBe(false);
  });

  it("does not save with errors: it says how many and moves focus to the first", async () => {
    const admin = await editing();
    type(field("windowDays"), "0");
    type(field("buttonText"), "");
    await vi.waitFor(() => expect(errorOf(field("windowDays"))).toBeDefined());
    button("Save").click();

    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toBe(
        "Not saved: 2 fields need fixing.",
      ),
    );
    expect(document.activeElement).toBe(field("buttonText"));
    expect(puts(admin)).toEqual([]);
  });

  it("saves the settings as the template reads them and is clean again", async () => {
    const admin = await editing();
    type(field("title"), "  Goes well with ");
    type(field("count"), "6");
    type(field("accentColor"), "#AA3300");
    byId<HTMLInputElement>(`${fieldId("layout")}-carousel`).click();
    byId<HTMLInputElement>(`${fieldId("pages")}-product`).click();
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain("Unsaved changes"),
    );
    button("Save").click();

    await vi.waitFor(() =>
      expect(document.querySelector('[role="status"].saved')?.textContent).toContain(
        "Saved.",
      ),
    );
    expect(puts(admin)[0]?.body).toEqual({
      name: "Widget fbt",
      enabled: true,
      settings: {
        ...recommendationDefaults,
        title: "Goes well with",
        count: 6,
        layout: "carousel",
        pages: ["product"],
        accentColor: "#aa3300",
      },
    });
    expect(field("title").value).toBe("Goes well with");
    expect(document.body.textContent).not.toContain("Unsaved changes");
  });

  it("shows an error the edge names at its field", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt")] });
    const save = admin.request;
    const refusing: typeof fetch = async (input, init) =>
      init?.method === "PUT"
        ? new Response(
            JSON.stringify({
              error: {
                code: "invalid_widget",
                message: "settings.title must be at most 80 characters.",
                field: "settings.title",
              },
            }),
            { status: 400 },
          )
        : save(input, init);
    openEditor(refusing, { path: "/editor/widgets/fbt" });
    await vi.waitFor(() => byId(fieldId("title")));
    type(field("title"), "Changed");
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain("Unsaved changes"),
    );
    button("Save").click();

    await vi.waitFor(() =>
      expect(errorOf(field("title"))).toBe("Title must be at most 80 characters."),
    );
    expect(document.activeElement).toBe(field("title"));
    type(field("title"), "Changed again");
    await vi.waitFor(() => expect(errorOf(field("title"))).toBeUndefined());
  });

  it("creates a widget under a new id, refusing one already taken", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt")] });
    openEditor(admin.request, { path: "/editor/new" });
    await vi.waitFor(() => byId(fieldId("id")));
    expect(errorOf(field("id"))).toMatch(/^Id must be 1 to 64 letters/);
    type(field("id"), "fbt");
    await vi.waitFor(() => expect(errorOf(field("id"))).toBeUndefined());
    button("Save").click();
    await vi.waitFor(() =>
      expect(errorOf(field("id"))).toBe('Id "fbt" is already taken by another widget.'),
    );

    type(field("id"), "home-picks");
    await vi.waitFor(() => expect(errorOf(field("id"))).toBeUndefined());
    button("Save").click();
    await vi.waitFor(() => expect(location.pathname).toBe("/editor/widgets/home-picks"));
    expect(admin.widgets.get("home-picks")?.settings).toEqual(recommendationDefaults);
    await vi.waitFor(() => expect(field("id").readOnly).toBe(true));
  });

  it("asks before leaving with unsaved changes, in the app and when the page unloads", async () => {
    await editing();
    const unload = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    type(field("title"), "Changed");
    await vi.waitFor(() => expect(unload()).toBe(true));

    document.querySelector<HTMLAnchorElement>("a.back")?.click();
    const dialog = () => document.querySelector("dialog");
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    expect(dialog()?.textContent).toContain("Leave without saving?");
    button("Stay", dialog() ?? document).click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(false));
    expect(field("title").value).toBe("Changed");
    expect(location.pathname).toBe("/editor/widgets/fbt");

    document.querySelector<HTMLAnchorElement>("a.back")?.click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    button("Leave and lose the changes", dialog() ?? document).click();
    await vi.waitFor(() => expect(location.pathname).toBe("/editor/"));
    await vi.waitFor(() =>
      expect(document.querySelector("h1")?.textContent).toBe("Widgets"),
    );
    // Preact runs an unmounted component's effect cleanups after paint.
    await vi.waitFor(() => expect(unload()).toBe(false));
  });
});
