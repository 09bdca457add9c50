import { afterEach, describe, expect, it, vi } from "vitest";
import { TEMPLATES } from "../../../client/runtime/mount";
import { startRuntime } from "../../../client/runtime/start";
import { styles } from "../../../templates/recommendations/styles";
import {
  card,
  fakeEdge,
  nextTask,
  resetPage,
  SCRIPT_URL,
  vitrine,
  widget,
} from "../fake-edge";

const recommendations = TEMPLATES.get("recommendations");

/** Watches (and lets tests fail) the loading of the template's chunk. */
function spyOnTemplate() {
  if (!recommendations) throw new Error("no recommendations template");
  const load = vi.fn(recommendations);
  TEMPLATES.set("recommendations", load);
  return load;
}

function element(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-vitrine-widget="${id}"]`);
  if (!found) throw new Error(`no placeholder ${id}`);
  return found;
}

describe("mounting widgets", () => {
  afterEach(() => {
    if (recommendations) TEMPLATES.set("recommendations", recommendations);
    resetPage();
  });

  it("renders each widget in an open shadow root with its styles adopted", async () => {
    document.body.innerHTML =
      '<div data-vitrine-widget="w-1"></div><div data-vitrine-widget="w-2"></div>';
    const edge = fakeEdge({
      widgets: [widget("w-1", [card("a"), card("b")]), widget("w-2", [card("c")])],
    });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    const root = element("w-1").shadowRoot;
    expect(root?.mode).toBe("open");
    expect(root?.querySelector("h2")?.textContent).toBe("Widget w-1");
    expect(root?.querySelectorAll("li")).toHaveLength(2);
    expect(root?.querySelector("style")).toBeNull();
    const [sheet, ...others] = root?.adoptedStyleSheets ?? [];
    expect(others).toHaveLength(0);
    expect(sheet?.cssRules.length).toBeGreaterThan(5);
    // One sheet serves every widget of the page.
    expect(element("w-2").shadowRoot?.adoptedStyleSheets[0]).toBe(sheet);
  });

  it("does not touch the light DOM's styles", async () => {
    document.head.innerHTML = "<style>p { color: red }</style>";
    document.body.innerHTML = '<div data-vitrine-widget="w-1" class="slot"></div>';
    const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });
    const headBefore = document.head.innerHTML;

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    await nextTask();

    expect(document.head.innerHTML).toBe(headBefore);
    expect(document.styleSheets).toHaveLength(1);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(document.body.innerHTML).toBe(
      '<div data-vitrine-widget="w-1" class="slot"></div>',
    );
    expect(element("w-1").shadowRoot?.querySelector("section")).not.toBeNull();
    document.head.replaceChildren();
  });

  it("leaves placeholders empty without a widget or with no items", async () => {
    document.body.innerHTML =
      '<div data-vitrine-widget="w-1">keep</div><div data-vitrine-widget="w-9">keep</div>';
    const edge = fakeEdge({ widgets: [widget("w-1", [])] });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    expect(element("w-1").shadowRoot).toBeNull();
    expect(element("w-9").shadowRoot).toBeNull();
    expect(element("w-1").textContent).toBe("keep");
  });

  it("reuses a shadow root the placeholder already has", async () => {
    document.body.innerHTML = '<div data-vitrine-widget="w-1"></div>';
    const existing = element("w-1").attachShadow({ mode: "open" });
    existing.innerHTML = '<div class="skeleton"></div>';
    const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    expect(element("w-1").shadowRoot).toBe(existing);
    expect(existing.querySelector(".skeleton")).toBeNull();
    expect(existing.querySelector("section")).not.toBeNull();
  });

  it("empties a widget the next page no longer has", async () => {
    document.body.innerHTML = '<div data-vitrine-widget="w-1"></div>';
    const widgets = [widget("w-1", [card("a")])];
    const edge = fakeEdge({ widgets });
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    expect(element("w-1").shadowRoot?.querySelector("section")).not.toBeNull();

    widgets.pop();
    vitrine("page", { type: "home" });
    await nextTask();

    expect(element("w-1").shadowRoot?.childNodes).toHaveLength(1);
    expect(element("w-1").shadowRoot?.querySelector("section")).toBeNull();
  });

  it("falls back to a <style> element without constructable stylesheets", async () => {
    const descriptor = Object.getOwnPropertyDescriptor(
      ShadowRoot.prototype,
      "adoptedStyleSheets",
    );
    Reflect.deleteProperty(ShadowRoot.prototype, "adoptedStyleSheets");
    try {
      document.body.innerHTML = '<div data-vitrine-widget="w-1"></div>';
      const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });

      await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

      const root = element("w-1").shadowRoot;
      expect(root?.firstElementChild?.tagName).toBe("STYLE");
      expect(root?.firstElementChild?.textContent).toBe(styles);
      expect(root?.querySelector("section")).not.toBeNull();
    } finally {
      if (descriptor)
        Object.defineProperty(ShadowRoot.prototype, "adoptedStyleSheets", descriptor);
    }
  });

  it("keeps mounting other placeholders when one cannot host a shadow root", async () => {
    document.body.innerHTML =
      '<div data-vitrine-widget="w-1" id="taken"></div><div data-vitrine-widget="w-1"></div>';
    // Another script's closed root: attachShadow throws, shadowRoot is null.
    const closed = document.getElementById("taken")?.attachShadow({ mode: "closed" });
    const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    expect(closed?.childNodes).toHaveLength(0);
    const [, open] = document.querySelectorAll("[data-vitrine-widget]");
    expect(open?.shadowRoot?.querySelector("section")).not.toBeNull();
  });

  it("loads a template's code only when the page answer has one of its widgets", async () => {
    const load = spyOnTemplate();
    document.body.innerHTML =
      '<div data-vitrine-widget="lazy-1"></div><div data-vitrine-widget="lazy-2"></div>';
    const widgets = [widget("lazy-1", [])];
    const edge = fakeEdge({ widgets });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    expect(load).not.toHaveBeenCalled();

    widgets.push(widget("lazy-2", [card("a")]));
    vitrine("page", { type: "home" });
    await nextTask();
    vitrine("page", { type: "other" });
    await nextTask();

    expect(load).toHaveBeenCalledOnce();
    expect(element("lazy-2").shadowRoot?.querySelector("section")).not.toBeNull();
  });

  it("leaves placeholders empty when the template cannot load, and tries again later", async () => {
    const load = spyOnTemplate().mockRejectedValueOnce(
      new TypeError("Failed to fetch dynamically imported module"),
    );
    document.body.innerHTML = '<div data-vitrine-widget="lazy-1">keep</div>';
    const edge = fakeEdge({ widgets: [widget("lazy-1", [card("a")])] });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    expect(element("lazy-1").shadowRoot).toBeNull();
    expect(element("lazy-1").textContent).toBe("keep");

    vitrine("page", { type: "home" });
    await nextTask();
    expect(load).toHaveBeenCalledTimes(2);
    expect(element("lazy-1").shadowRoot?.querySelector("section")).not.toBeNull();
  });
});
