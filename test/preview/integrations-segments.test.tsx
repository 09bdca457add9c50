import { afterEach, describe, expect, it, vi } from "vitest";
import { button, closeEditor, openEditor, type } from "./editor-page";
import { fakeIntegrationsEdge, segmentRecord } from "./integrations-fake";

const preview = () => document.querySelector(".retention-preview")?.textContent;
const save = () => button("Save auto-deletion");
/** Lets Preact render what was typed before a click reads the state. */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

function exception(name: string): HTMLInputElement {
  const found = [
    ...document.querySelectorAll<HTMLInputElement>(".exceptions input[type='checkbox']"),
  ].find((input) => input.parentElement?.textContent?.trim() === name);
  if (!found) throw new Error(`no exception "${name}"`);
  return found;
}

function edge() {
  return fakeIntegrationsEdge({
    segments: [segmentRecord("recent", "Recent buyers"), segmentRecord("loyal", "Loyal")],
    retention: { historyDays: 30, exceptions: [] },
    oldRows: { recent: 40, loyal: 25 },
  });
}

async function opened(fake: ReturnType<typeof edge>) {
  openEditor(fake.request, { path: "/editor/segments" });
  await vi.waitFor(() => expect(preview()).toBe("The next run removes 65 rows."));
}

describe("the Segments section", () => {
  afterEach(closeEditor);

  it("lists the segments with their rules", async () => {
    await opened(edge());
    const rows = [...document.querySelectorAll(".segment-list tbody tr")].map(
      (row) => row.textContent,
    );
    expect(rows[0]).toContain("Recent buyers");
    expect(rows[0]).toContain("Ordered in the last 7 days");
    expect(rows[0]).toContain("30 days");
  });

  it("previews the rows an exception spares before saving, then saves it", async () => {
    const fake = edge();
    await opened(fake);
    expect(save().disabled).toBe(true);

    exception("Loyal").click();
    await vi.waitFor(() =>
      expect(preview()).toBe("Once saved, the next run removes 40 rows."),
    );
    expect(fake.calls.some((call) => call.path.includes("exceptions=loyal"))).toBe(true);
    expect(fake.calls.some((call) => call.method === "PUT")).toBe(false);

    save().click();
    await vi.waitFor(() =>
      expect(fake.retention()).toEqual({ historyDays: 30, exceptions: ["loyal"] }),
    );
    await vi.waitFor(() => expect(preview()).toBe("The next run removes 40 rows."));
    await vi.waitFor(() =>
      expect(document.querySelector(".segment-list")?.textContent).toContain(
        "Kept (exception)",
      ),
    );
    expect(save().disabled).toBe(true);
  });

  it("turns auto-deletion off, saying that history is kept", async () => {
    const fake = edge();
    await opened(fake);
    (document.getElementById("retention-enabled") as HTMLInputElement).click();
    await vi.waitFor(() =>
      expect(preview()).toBe("Nothing is deleted: history is kept for ever."),
    );
    save().click();
    await vi.waitFor(() => expect(fake.retention().historyDays).toBeNull());
  });

  it("says what is wrong with the days and does not save them", async () => {
    const fake = edge();
    await opened(fake);
    type(document.getElementById("retention-days"), "0");
    await vi.waitFor(() =>
      expect(document.getElementById("retention-days-error")?.textContent).toContain(
        "from 1 to 3650",
      ),
    );
    expect(save().disabled).toBe(true);
    type(document.getElementById("retention-days"), "200");
    await vi.waitFor(() =>
      expect(preview()).toBe("Once saved, the next run removes 65 rows."),
    );
  });

  it("creates a segment, showing the edge's refusal at its field", async () => {
    const fake = edge();
    await opened(fake);
    type(document.getElementById("segment-id"), "recent");
    type(document.getElementById("segment-name"), "Frequent");
    await rendered();
    button("Create segment").click();
    await vi.waitFor(() =>
      expect(document.getElementById("segment-id-error")?.textContent).toContain(
        "exists",
      ),
    );

    type(document.getElementById("segment-id"), "frequent");
    const rule = document.getElementById("segment-rule") as HTMLSelectElement;
    rule.value = "orders_at_least";
    rule.dispatchEvent(new Event("change", { bubbles: true }));
    await vi.waitFor(() =>
      expect(document.getElementById("segment-orders")).not.toBeNull(),
    );
    type(document.getElementById("segment-orders"), "2000");
    type(document.getElementById("segment-days"), "60");
    await rendered();
    button("Create segment").click();
    await vi.waitFor(() =>
      expect(document.getElementById("segment-orders-error")?.textContent).toContain(
        "1000",
      ),
    );

    type(document.getElementById("segment-orders"), "4");
    await rendered();
    button("Create segment").click();
    await vi.waitFor(() =>
      expect(document.querySelector(".segment-list")?.textContent).toContain(
        "4 or more orders in the last 60 days",
      ),
    );
    expect(fake.calls.filter((call) => call.method === "PUT").at(-1)).toEqual({
      method: "PUT",
      path: "/segments/frequent",
      body: { name: "Frequent", rule: { type: "orders_at_least", days: 60, orders: 4 } },
    });
    // The new segment can be chosen as an exception at once.
    expect(exception("Frequent").checked).toBe(false);
  });
});
