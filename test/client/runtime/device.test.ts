import { afterEach, describe, expect, it, vi } from "vitest";
import { deviceId } from "../../../client/runtime/device";
import { startRuntime } from "../../../client/runtime/start";
import { fakeEdge, resetPage, SCRIPT_URL } from "../fake-edge";

describe("device id", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetPage();
  });

  it("is created once and kept in localStorage for the site", () => {
    const first = deviceId(window, "shop-1");

    expect(first).toMatch(/^[\w-]{22}$/);
    expect(localStorage.getItem("vitrine:shop-1:device")).toBe(first);
    expect(deviceId(window, "shop-1")).toBe(first);
    expect(deviceId(window, "shop-2")).not.toBe(first);
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
    expect(device(first)).toBe(localStorage.getItem("vitrine:shop-1:device"));
  });

  it("replaces a stored value that is not an id", () => {
    localStorage.setItem("vitrine:shop-1:device", "<script>");

    expect(deviceId(window, "shop-1")).toMatch(/^[\w-]{22}$/);
  });

  it("lives in memory, stable for the page, when storage throws", async () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    expect(() => window.localStorage).toThrow();

    const id = deviceId(window, "blocked-site");
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(deviceId(window, "blocked-site")).toBe(id);

    const edge = fakeEdge();
    await expect(
      startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch }),
    ).resolves.toBeUndefined();
    expect(edge.pageRequests[0]?.url.searchParams.get("device")).toMatch(/^[\w-]{22}$/);
  });

  it("lives in memory when the storage is full", () => {
    vi.spyOn(localStorage, "setItem").mockImplementation(() => {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    });
    expect(() => localStorage.setItem("probe", "1")).toThrow();

    const id = deviceId(window, "full-site");
    expect(deviceId(window, "full-site")).toBe(id);
  });
});
