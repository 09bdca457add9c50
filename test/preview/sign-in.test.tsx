import { afterEach, describe, expect, it, vi } from "vitest";
import { byId, closeEditor, openEditor, type } from "./editor-page";
import { fakeAdmin, KEY, widgetRecord } from "./fake-admin";

describe("signing in", () => {
  afterEach(closeEditor);

  it("shows the API's own message for a wrong key and stays on the form", async () => {
    const admin = fakeAdmin();
    openEditor(admin.request, { signedIn: false });
    type(byId("sign-in-key"), "vt_sk_wrong");
    byId<HTMLFormElement>("sign-in-key").form?.requestSubmit();

    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toBe(
        "This secret key is unknown or revoked.",
      ),
    );
    expect(sessionStorage.length).toBe(0);
  });

  it("keeps the key for this tab only, in sessionStorage, and lists the widgets", async () => {
    const admin = fakeAdmin({ widgets: [widgetRecord("product-fbt")] });
    openEditor(admin.request, { signedIn: false });
    expect(byId<HTMLInputElement>("sign-in-site").value).toBe("demo");
    type(byId("sign-in-key"), ` ${KEY} `);
    byId<HTMLFormElement>("sign-in-key").form?.requestSubmit();

    await vi.waitFor(() =>
      expect(document.querySelector("h1")?.textContent).toBe("Widgets"),
    );
    await vi.waitFor(() =>
      expect(document.querySelector("tbody th")?.textContent).toBe("Widget product-fbt"),
    );
    expect(sessionStorage.getItem("vitrine-editor:session")).toContain(KEY);
    expect(JSON.stringify({ ...localStorage })).not.toContain(KEY);
  });
});
