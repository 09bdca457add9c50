import { afterEach, describe, expect, it, vi } from "vitest";
import { startRuntime } from "../../../client/runtime/start";
import {
  card,
  fakeEdge,
  nextTask,
  resetPage,
  SCRIPT_URL,
  SITE,
  vitrine,
  widget,
} from "../fake-edge";
import { pasteSnippet } from "../paste-snippet";

function page(html: string): void {
  document.body.innerHTML = html;
}

describe("startRuntime", () => {
  afterEach(resetPage);

  it("replays calls queued before it loaded, in order, then records the page", async () => {
    pasteSnippet();
    vitrine("identify", "c-1");
    vitrine("track", "Order", { order: "o-1" });
    vitrine("track", "ViewCategory", { category: "tea" });
    const edge = fakeEdge();

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    await nextTask();

    expect(edge.stored.map((action) => action.operation)).toEqual([
      "AuthorizeCustomer",
      "Order",
      "ViewCategory",
      "ViewPage",
    ]);
    expect(edge.stored[1]?.data).toEqual({ order: "o-1" });
    expect(edge.stored.every((action) => action.customer === "c-1")).toBe(true);
  });

  it("waits for the page to be parsed before it reads it", async () => {
    page("");
    pasteSnippet();
    const edge = fakeEdge();
    Object.defineProperty(document, "readyState", {
      value: "loading",
      configurable: true,
    });

    const started = startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    page('<div data-vitrine-page="product" data-vitrine-product="p-2"></div>');
    expect(edge.pageRequests).toHaveLength(0);
    Reflect.deleteProperty(document, "readyState");
    document.dispatchEvent(new Event("DOMContentLoaded"));
    await started;

    expect(edge.pageRequests).toHaveLength(1);
    expect(edge.pageRequests[0]?.url.searchParams.get("product")).toBe("p-2");
  });

  it("uses a queued page declaration instead of the markup, with one request", async () => {
    page('<div data-vitrine-page="home"></div>');
    pasteSnippet();
    vitrine("page", { type: "product", product: "p-9" });
    const edge = fakeEdge();

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    await nextTask();

    expect(edge.pageRequests).toHaveLength(1);
    expect(edge.pageRequests[0]?.url.searchParams.get("product")).toBe("p-9");
    expect(edge.stored.map((action) => action.operation)).toEqual([
      "ViewPage",
      "ViewProduct",
    ]);
  });

  it("sends the placeholders and the page context in one page request", async () => {
    history.replaceState(null, "", "/p/p-1?colour=red");
    page(`
      <main data-vitrine-page="product" data-vitrine-product="p-1"
        data-vitrine-category="green-tea" data-vitrine-cart="a, b,a"></main>
      <div data-vitrine-page="cart"></div>
      <div data-vitrine-widget="w-1"></div>
      <div data-vitrine-widget="w-2"></div>
      <div data-vitrine-widget="w-1"></div>
      <div data-vitrine-widget=""></div>`);
    const edge = fakeEdge();

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    expect(edge.pageRequests).toHaveLength(1);
    const request = edge.pageRequests[0];
    expect(request?.url.pathname).toBe(`/v1/sites/${SITE}/page`);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      url: location.href,
      device: expect.stringMatching(/^[\w-]{22}$/),
      type: "product",
      product: "p-1",
      category: "green-tea",
      cart: "a,b,a",
      widgets: "w-1,w-2",
    });
    expect(request?.init?.credentials).toBe("omit");
  });

  it("leaves out empty parameters, but asks for no widget where there is none", async () => {
    page('<div data-vitrine-page="home"></div>');
    const edge = fakeEdge();

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    const params = edge.pageRequests[0]?.url.searchParams;
    expect([...(params?.keys() ?? [])]).toEqual(["url", "device", "type", "widgets"]);
    // Left out, `widgets` would ask for every widget of the page type.
    expect(params?.get("widgets")).toBe("");
  });

  it("re-fetches and re-mounts when a single-page shop declares a new page", async () => {
    page('<div data-vitrine-page="home"></div><div data-vitrine-widget="w-1"></div>');
    const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    history.pushState(null, "", "/p/p-2");
    vitrine("page", { type: "cart", cart: ["p-2", "p-3"] });
    vitrine("page", { type: "cart", cart: ["p-2", "p-3", "p-2"] });
    await nextTask();
    await nextTask();

    expect(edge.pageRequests).toHaveLength(2);
    expect(edge.pageRequests[1]?.url.searchParams.get("cart")).toBe("p-2,p-3,p-2");
    expect(edge.pageRequests[1]?.url.searchParams.get("url")).toBe(location.href);
    const carts = edge.stored.filter((action) => action.operation === "SetCart");
    expect(carts.at(-1)?.data).toEqual({
      items: [
        { product: "p-2", quantity: 2 },
        { product: "p-3", quantity: 1 },
      ],
    });
  });

  it("mounts placeholders added later on refresh, fetching only for new ids", async () => {
    page('<div data-vitrine-widget="w-1"></div>');
    const edge = fakeEdge({
      widgets: [widget("w-1", [card("a")]), widget("w-2", [card("b")])],
    });
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    const copy = document.createElement("div");
    copy.dataset.vitrineWidget = "w-1";
    document.body.appendChild(copy);
    vitrine("refresh");
    expect(copy.shadowRoot?.querySelector("section")).not.toBeNull();
    expect(edge.pageRequests).toHaveLength(1);

    const fresh = document.createElement("div");
    fresh.dataset.vitrineWidget = "w-2";
    document.body.appendChild(fresh);
    vitrine("refresh");
    await nextTask();
    expect(edge.pageRequests).toHaveLength(2);
    expect(fresh.shadowRoot?.querySelector("h2")?.textContent).toBe("Widget w-2");
  });

  it("stands down when a runtime already serves the page", async () => {
    const first = fakeEdge();
    const second = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: first.fetch });
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: second.fetch });
    await nextTask();

    expect(first.pageRequests).toHaveLength(1);
    expect(second.pageRequests).toHaveLength(0);
    expect(second.batches).toHaveLength(0);
  });

  it("does nothing when loaded from an unexpected URL", async () => {
    const edge = fakeEdge();

    await startRuntime({
      scriptUrl: "https://edge.test/runtime.js",
      window,
      fetch: edge.fetch,
    });
    await nextTask();

    expect(Reflect.has(window, "vitrine")).toBe(false);
    expect(edge.pageRequests).toHaveLength(0);
  });

  it("ignores unknown commands and malformed calls without throwing", async () => {
    const edge = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    await nextTask();
    const before = edge.stored.length;

    vitrine("explode");
    vitrine();
    vitrine("track", "Unknown", {});
    vitrine("track", "ViewProduct", "not an object");
    vitrine("page", null);
    vitrine("identify", "");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    vitrine("track", "Order", cyclic);
    await nextTask();

    expect(edge.stored).toHaveLength(before);
  });

  it("in debug mode, keeps what it ignored in vitrine.logs", async () => {
    history.replaceState(null, "", "/?vitrine_debug=1");
    const edge = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    vitrine("track", "Unknown", {});
    vitrine("explode");

    const logs = Reflect.get(Reflect.get(window, "vitrine"), "logs") as {
      message: string;
      detail: unknown;
    }[];
    expect(logs).toContainEqual(
      expect.objectContaining({
        message: "call ignored",
        detail: ["track", "Unknown", {}],
      }),
    );
    // Calls the base does not know go to the extra commands' chunk first.
    await vi.waitFor(() =>
      expect(logs).toContainEqual(
        expect.objectContaining({ message: "call ignored", detail: ["explode"] }),
      ),
    );
  });

  it("keeps no log at all outside debug mode", async () => {
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: fakeEdge().fetch });

    vitrine("explode");

    expect(Reflect.get(Reflect.get(window, "vitrine"), "logs")).toBeUndefined();
  });
});
