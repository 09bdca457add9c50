import { afterEach, describe, expect, it, vi } from "vitest";
import { deviceId } from "../../../client/runtime/device";
import { startRuntime } from "../../../client/runtime/start";
import { createStore } from "../../../client/runtime/storage";
import { fakeEdge, resetPage, SCRIPT_URL, SITE } from "../fake-edge";
import { fillStorage } from "../queue-support";

// The edge's rule for ids (edge/http/identifiers.ts).
const EDGE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

describe("device id", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetPage();
  });

  it("is created once and kept in localStorage for the site", () => {
    const store = createStore(window);
    const first = deviceId(store, "shop-1");

    expect(first).toMatch(/^[\w-]{22}$/);
    expect(localStorage.getItem("vitrine:shop-1:device")).toBe(first);
    expect(deviceId(createStore(window), "shop-1")).toBe(first);
    expect(deviceId(store, "shop-2")).not.toBe(first);
  });

  it("always passes the edge's id rule, whatever the random bytes", () => {
    // Bytes whose low six bits pick '-' and '_' (62 and 63) everywhere.
    vi.spyOn(crypto, "getRandomValues").mockImplementation(
      <T extends ArrayBufferView>(array: T) => {
        new Uint8Array(array.buffer).fill(63);
        return array;
      },
    );

    expect(deviceId(createStore(window), "shop-1")).toMatch(EDGE_ID);
  });

  it("persists across page loads", async () => {
    const first = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: first.fetch });
    Reflect.deleteProperty(window, "vitrine");
    const second = fakeEdge();
    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: second.fetch });

    const device = (edge: typeof first) =>
      edge.pageRequests[0]?.url.searchParams.get("device");
    expect(device(second)).toBe(device(first));
    expect(device(first)).toBe(localStorage.getItem(`vitrine:${SITE}:device`));
  });

  it("replaces a stored value the edge would refuse", () => {
    localStorage.setItem("vitrine:shop-1:device", "<script>");
    expect(deviceId(createStore(window), "shop-1")).toMatch(EDGE_ID);

    localStorage.setItem("vitrine:shop-1:device", "-starts-with-a-dash-000");
    expect(deviceId(createStore(window), "shop-1")).toMatch(EDGE_ID);
  });

  it("lives in memory, stable for the page, when storage throws", async () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    expect(() => window.localStorage).toThrow();

    const store = createStore(window);
    const id = deviceId(store, "blocked-site");
    expect(id).toMatch(EDGE_ID);
    expect(deviceId(store, "blocked-site")).toBe(id);

    const edge = fakeEdge();
    await expect(
      startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch }),
    ).resolves.toBeUndefined();
    expect(edge.pageRequests[0]?.url.searchParams.get("device")).toMatch(EDGE_ID);
  });

  it("lives in memory when the storage is full", () => {
    const undo = fillStorage();
    expect(() => localStorage.setItem("probe", "1")).toThrow();

    const store = createStore(window);
    const id = deviceId(store, "full-site");
    expect(deviceId(store, "full-site")).toBe(id);
    undo();
  });

  it("survives clearing localStorage, through the shop's first-party cookie", () => {
    const first = deviceId(createStore(window), "shop-9", document);
    expect(document.cookie).toContain(`vitrine_shop-9=${first}`);

    localStorage.clear();
    expect(deviceId(createStore(window), "shop-9", document)).toBe(first);
    // And the storage learns it back.
    expect(localStorage.getItem("vitrine:shop-9:device")).toBe(first);
  });

  it("survives losing the cookie, through localStorage", () => {
    const first = deviceId(createStore(window), "shop-10", document);
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a shopper clearing cookies.
    document.cookie = "vitrine_shop-10=; max-age=0; path=/";

    expect(deviceId(createStore(window), "shop-10", document)).toBe(first);
    expect(document.cookie).toContain(`vitrine_shop-10=${first}`);
  });

  it("ignores a cookie that is not a device id", () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a tampered cookie.
    document.cookie = "vitrine_shop-11=<script>; path=/";
    const id = deviceId(createStore(window), "shop-11", document);
    expect(id).toMatch(EDGE_ID);
    expect(id).not.toContain("<");
  });
});
