import { afterEach, describe, expect, it, vi } from "vitest";
import { button, closeEditor, openEditor } from "./editor-page";
import { fakeAdmin, widgetRecord } from "./fake-admin";

function rows(): string[] {
  return [...document.querySelectorAll("tbody tr")].map(
    (row) => row.querySelector("code")?.textContent ?? "",
  );
}

async function listed(admin: ReturnType<typeof fakeAdmin>) {
  openEditor(admin.request);
  await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
}

describe("the widget list", () => {
  afterEach(closeEditor);

  it("duplicates a widget under a free id, disabled, with the same settings", async () => {
    const admin = fakeAdmin({
      widgets: [widgetRecord("fbt", { title: "Goes well with", count: 7 })],
    });
    await listed(admin);
    button("Duplicate Widget fbt").click();

    await vi.waitFor(() => expect(rows()).toEqual(["fbt", "fbt-copy"]));
    expect(admin.widgets.get("fbt-copy")).toMatchObject({
      name: "Widget fbt (copy)",
      enabled: false,
      settings: { title: "Goes well with", count: 7 },
    });
    expect(document.querySelector('[role="status"]')?.textContent).toContain("fbt-copy");

    button("Duplicate Widget fbt").click();
    await vi.waitFor(() => expect(rows()).toEqual(["fbt", "fbt-copy", "fbt-copy-2"]));
  });

  it("enables and disables a widget in one click, saved at once", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt")] });
    await listed(admin);
    const box = document.querySelector<HTMLInputElement>(
      '[aria-label="Enabled: Widget fbt"]',
    );
    box?.click();

    await vi.waitFor(() => expect(admin.widgets.get("fbt")?.enabled).toBe(false));
    await vi.waitFor(() =>
      expect(document.querySelector('[role="status"]')?.textContent).toBe(
        "Widget fbt is disabled.",
      ),
    );
    expect(box?.checked).toBe(false);
  });

  it("deletes only after the dialog is confirmed; Cancel and Escape keep it", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt"), widgetRecord("other")] });
    await listed(admin);
    const dialog = () => document.querySelector("dialog");

    button("Delete Widget fbt").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    expect(dialog()?.getAttribute("role")).toBe("alertdialog");
    const title = document.getElementById(
      dialog()?.getAttribute("aria-labelledby") ?? "",
    );
    expect(title?.textContent).toBe("Delete Widget fbt?");
    // Focus starts on the safe answer.
    expect(document.activeElement?.textContent).toBe("Cancel");
    button("Cancel", dialog() ?? document).click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(false));

    button("Delete Widget fbt").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    dialog()?.dispatchEvent(new Event("cancel", { cancelable: true }));
    await vi.waitFor(() => expect(dialog()?.open).toBe(false));
    expect(admin.calls.some((call) => call.method === "DELETE")).toBe(false);

    button("Delete Widget fbt").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    button("Delete", dialog() ?? document).click();
    await vi.waitFor(() => expect(rows()).toEqual(["other"]));
    expect(admin.widgets.has("fbt")).toBe(false);
  });

  it("opens the editor for a new widget and for an existing one", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt")] });
    await listed(admin);
    document.querySelector<HTMLAnchorElement>('a[href="/editor/widgets/fbt"]')?.click();
    await vi.waitFor(() =>
      expect(document.querySelector("h1")?.textContent).toBe("Widget fbt"),
    );
    expect(location.pathname).toBe("/editor/widgets/fbt");
  });

  it("leads from the main page to creating an integration", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("fbt")] });
    await listed(admin);
    const link = document.querySelector<HTMLAnchorElement>(
      'main a[href="/editor/integrations"]',
    );
    expect(link?.textContent).toBe("create an integration");
    link?.click();
    await vi.waitFor(() => expect(location.pathname).toBe("/editor/integrations"));
  });
});
