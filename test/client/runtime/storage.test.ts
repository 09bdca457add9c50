import { afterEach, describe, expect, it, vi } from "vitest";
import { createStore } from "../../../client/runtime/storage";
import { fillStorage } from "../queue-support";

describe("the storage guard", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it("reads and writes localStorage", () => {
    const store = createStore(window);

    expect(store.set("vitrine:s:k", "v")).toBe(true);
    expect(localStorage.getItem("vitrine:s:k")).toBe("v");
    expect(createStore(window).get("vitrine:s:k")).toBe("v");
  });

  it("falls back to memory for the page when storage is blocked", () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    const store = createStore(window);

    expect(store.get("vitrine:s:k")).toBeNull();
    expect(store.set("vitrine:s:k", "v")).toBe(false);
    expect(store.get("vitrine:s:k")).toBe("v");
  });

  it("keeps a key in memory once the quota refused it, never the stale copy", () => {
    const store = createStore(window);
    store.set("vitrine:s:k", "old");
    const undo = fillStorage();

    expect(() => store.set("vitrine:s:k", "new")).not.toThrow();
    expect(store.get("vitrine:s:k")).toBe("new");
    undo();
    expect(store.set("vitrine:s:k", "newer")).toBe(false);
    expect(store.get("vitrine:s:k")).toBe("newer");
    expect(localStorage.getItem("vitrine:s:k")).toBe("old");
  });

  it("leaves the host site's own keys alone", () => {
    localStorage.setItem("cart", "[1,2]");
    const store = createStore(window);
    store.set("vitrine:s:k", "v");

    expect(localStorage.getItem("cart")).toBe("[1,2]");
  });
});
