import { afterEach, describe, expect, it, vi } from "vitest";
import { createSender, MAX_BODY } from "../../../client/runtime/sender";
import { startRuntime } from "../../../client/runtime/start";
import { fakeEdge, nextTask, resetPage, SCRIPT_URL, vitrine } from "../fake-edge";

const ENDPOINT = "https://edge.test/v1/sites/shop-1/operations";

function action(id: string, data: Record<string, unknown> = {}) {
  return { id, operation: "ViewPage" as const, at: 1, device: "d".repeat(22), data };
}

describe("sending actions", () => {
  afterEach(resetPage);

  it("records the page view and product view with unique ids, in one batch", async () => {
    document.body.innerHTML =
      '<div data-vitrine-page="product" data-vitrine-product="p-1">';
    const edge = fakeEdge();
    const before = Date.now();

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    vitrine("track", "ViewCategory", { category: "tea" });
    await nextTask();

    expect(edge.batches).toHaveLength(1);
    const { actions } = edge.batches[0]?.body ?? { actions: [] };
    expect(actions.map((one) => [one.operation, one.data])).toEqual([
      ["ViewPage", { url: location.href, type: "product" }],
      ["ViewProduct", { product: "p-1" }],
      ["ViewCategory", { category: "tea" }],
    ]);
    const device = edge.pageRequests[0]?.url.searchParams.get("device");
    for (const one of actions) {
      expect(one.id).toMatch(/^[\w-]{22}$/);
      expect(one.device).toBe(device);
      expect(one.at).toBeGreaterThanOrEqual(before);
      expect(one.customer).toBeUndefined();
    }
    expect(new Set(actions.map((one) => one.id)).size).toBe(actions.length);
  });

  it("posts text/plain JSON without credentials, after the page request", async () => {
    const order: string[] = [];
    const edge = fakeEdge();
    const fetch: typeof globalThis.fetch = (input, init) => {
      order.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
      return edge.fetch(input, init);
    };

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch });
    await nextTask();

    expect(order).toEqual([
      "GET /v1/sites/shop-1/page",
      "POST /v1/sites/shop-1/operations",
    ]);
    const init = edge.batches[0]?.init;
    expect(new Headers(init?.headers).get("Content-Type")).toBe("text/plain");
    expect(init?.credentials).toBe("omit");
    expect(init?.keepalive).toBe(false);
  });

  it("identifies the customer on every later action", async () => {
    const edge = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });

    vitrine("identify", 42);
    vitrine("track", "Order", { order: "o-1" }, { id: "order-o-1" });
    vitrine("track", "Order", { order: "o-1" }, { id: "order-o-1" });
    vitrine("track", "SetCart", { items: [] }, { customer: "guest-7" });
    await nextTask();

    expect(
      edge.stored.slice(1).map((one) => [one.operation, one.customer, one.data]),
    ).toEqual([
      ["AuthorizeCustomer", "42", {}],
      ["Order", "42", { order: "o-1" }],
      ["SetCart", "guest-7", { items: [] }],
    ]);
    expect(edge.stored[2]?.id).toBe("order-o-1");
  });

  it("splits batches at 100 actions", async () => {
    const edge = fakeEdge();
    const sender = createSender(window, ENDPOINT, edge.fetch, () => {});

    for (let i = 0; i < 250; i++) sender.add(action(`action-${i}`));
    await nextTask();

    expect(edge.batches.map((batch) => batch.body.actions.length)).toEqual([
      100, 100, 50,
    ]);
    expect(edge.stored.map((one) => one.id)).toEqual(
      Array.from({ length: 250 }, (_, i) => `action-${i}`),
    );
  });

  it("keeps each body under 60 KB and drops an action that alone exceeds it", async () => {
    const edge = fakeEdge();
    const sender = createSender(window, ENDPOINT, edge.fetch, () => {});

    sender.add(action("huge", { note: "x".repeat(MAX_BODY) }));
    for (let i = 0; i < 10; i++)
      sender.add(action(`big-${i}`, { note: "é".repeat(10_000) }));
    await nextTask();

    const sizes = edge.batches.map(
      (batch) => new TextEncoder().encode(String(batch.init.body)).length,
    );
    expect(sizes.every((size) => size <= MAX_BODY)).toBe(true);
    expect(edge.batches.map((batch) => batch.body.actions.length)).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect(edge.stored.some((one) => one.id === "huge")).toBe(false);
  });

  it("flushes with keepalive when the page is hidden or left", async () => {
    const edge = fakeEdge();
    const sender = createSender(window, ENDPOINT, edge.fetch, () => {});

    sender.add(action("a"));
    window.dispatchEvent(new Event("pagehide"));
    sender.add(action("b"));
    const hidden = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    hidden.mockRestore();
    await nextTask();

    expect(
      edge.batches.map((batch) => [batch.body.actions[0]?.id, batch.init.keepalive]),
    ).toEqual([
      ["a", true],
      ["b", true],
    ]);
  });

  it("survives a failing network without throwing", async () => {
    const sender = createSender(
      window,
      ENDPOINT,
      async () => {
        throw new TypeError("Failed to fetch");
      },
      () => {},
    );

    sender.add(action("a"));
    expect(() => sender.flush(true)).not.toThrow();
    await nextTask();
  });
});
