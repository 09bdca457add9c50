import { afterEach, describe, expect, it, vi } from "vitest";
import { button, closeEditor, openEditor, type } from "./editor-page";
import { fakeIntegrationsEdge, integrationRecord } from "./integrations-fake";

const status = () =>
  document.querySelector(".integrations > [role='status']")?.textContent;
const dialog = () => document.querySelector("dialog");

function checkbox(label: string): HTMLInputElement {
  const found = [
    ...document.querySelectorAll<HTMLInputElement>("input[type='checkbox']"),
  ].find((input) => input.parentElement?.textContent?.trim() === label);
  if (!found) throw new Error(`no checkbox "${label}"`);
  return found;
}

function radio(label: string): HTMLInputElement {
  const found = [
    ...document.querySelectorAll<HTMLInputElement>("input[type='radio']"),
  ].find((input) => input.parentElement?.textContent?.trim() === label);
  if (!found) throw new Error(`no radio "${label}"`);
  return found;
}

async function opened(
  edge: ReturnType<typeof fakeIntegrationsEdge>,
  path = "/editor/integrations",
) {
  openEditor(edge.request, { path });
  await vi.waitFor(() =>
    expect(document.querySelector("h1")?.textContent).toContain("Integration"),
  );
}

describe("the Integrations section", () => {
  afterEach(closeEditor);

  it("creates an integration with the chosen kind and operations and shows its key once", async () => {
    const edge = fakeIntegrationsEdge();
    await opened(edge);
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain("No integrations yet"),
    );

    type(document.getElementById("integration-name"), "Warehouse");
    radio("Website").click();
    // Choosing a kind ticks its usual operations.
    await vi.waitFor(() => expect(checkbox("ViewProduct").checked).toBe(true));
    expect(checkbox("Order").checked).toBe(false);
    checkbox("Order").click();
    await vi.waitFor(() => expect(checkbox("Order").checked).toBe(true));
    checkbox("ViewCategory").click();
    await vi.waitFor(() => expect(checkbox("ViewCategory").checked).toBe(false));
    button("Create and show its key").click();

    await vi.waitFor(() =>
      expect(document.querySelector<HTMLInputElement>("#integration-key")?.value).toBe(
        "vt_ik_fake-key-1",
      ),
    );
    expect(edge.calls.find((call) => call.method === "POST")?.body).toEqual({
      name: "Warehouse",
      kind: "website",
      operations: ["ViewPage", "ViewProduct", "SetCart", "Order"],
    });
    expect(document.querySelector(".integration-list tbody")?.textContent).toContain(
      "Warehouse",
    );
    expect(document.querySelector(".integration-list")?.textContent).not.toContain(
      "fake-key-1",
    );

    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    button("Copy").click();
    await vi.waitFor(() => expect(written).toEqual(["vt_ik_fake-key-1"]));
    await vi.waitFor(() =>
      expect(document.querySelector(".key-reveal")?.textContent).toContain("Copied"),
    );

    button("Done, I have stored it").click();
    await vi.waitFor(() => expect(document.querySelector("#integration-key")).toBeNull());
    expect(document.body.textContent).not.toContain("fake-key-1");
  });

  it("asks for a name before sending anything", async () => {
    const edge = fakeIntegrationsEdge();
    await opened(edge);
    button("Create and show its key").click();
    await vi.waitFor(() =>
      expect(document.getElementById("integration-name-error")?.textContent).toContain(
        "name",
      ),
    );
    expect(edge.calls.some((call) => call.method === "POST")).toBe(false);
  });

  it("revokes only after the question is confirmed", async () => {
    const edge = fakeIntegrationsEdge({
      integrations: [integrationRecord("int_000000000001", "ERP")],
    });
    await opened(edge);
    await vi.waitFor(() => expect(document.body.textContent).toContain("ERP"));

    button("Revoke ERP").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    expect(document.activeElement?.textContent).toBe("Cancel");
    button("Cancel", dialog() ?? document).click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(false));
    expect(edge.calls.some((call) => call.path.endsWith("/revoke"))).toBe(false);

    button("Revoke ERP").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    button("Revoke", dialog() ?? document).click();
    await vi.waitFor(() => expect(status()).toBe("Revoked ERP."));
    expect(document.querySelector(".integration-list tbody")?.textContent).toContain(
      "Revoked",
    );
    expect(document.querySelector('[aria-label="Revoke ERP"]')).toBeNull();
  });

  it("rotates a key after the question and shows the new key", async () => {
    const edge = fakeIntegrationsEdge({
      integrations: [integrationRecord("int_000000000001", "ERP")],
    });
    await opened(edge);
    await vi.waitFor(() => expect(document.body.textContent).toContain("ERP"));
    button("Rotate the key of ERP").click();
    await vi.waitFor(() => expect(dialog()?.open).toBe(true));
    button("Rotate the key", dialog() ?? document).click();
    await vi.waitFor(() =>
      expect(document.querySelector<HTMLInputElement>("#integration-key")?.value).toBe(
        "vt_ik_fake-key-1",
      ),
    );
    expect(document.querySelector(".integration-list")?.textContent).toContain("…ey-1");
  });

  it("shows health, calls with their masked payload, filters and 429s per minute", async () => {
    const edge = fakeIntegrationsEdge({
      integrations: [integrationRecord("int_000000000001", "ERP")],
    });
    await opened(edge, "/editor/integrations/monitoring");
    await vi.waitFor(() =>
      expect(document.querySelector(".health tbody")?.textContent).toContain("Failing"),
    );
    expect(document.querySelector(".health tbody")?.textContent).toContain("50.0 %");
    expect(document.body.textContent).toContain("failing from 25 %");
    await vi.waitFor(() =>
      expect(document.querySelectorAll(".records tbody tr")).toHaveLength(2),
    );
    expect(document.querySelector(".records")?.textContent).toContain('"password":"***"');
    expect(document.querySelector(".rejections tbody")?.textContent).toContain("1210");

    const select = document.getElementById("filter-status") as HTMLSelectElement;
    select.value = "error";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await vi.waitFor(() =>
      expect(document.querySelectorAll(".records tbody tr")).toHaveLength(1),
    );
    expect(edge.calls.some((call) => call.path.includes("status=error"))).toBe(true);
    expect(document.querySelector(".records")?.textContent).toContain(
      "operation_not_allowed",
    );
  });
});
