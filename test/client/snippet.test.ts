import { afterEach, describe, expect, it } from "vitest";
import { resetPage, SCRIPT_URL } from "./fake-edge";
import { pasteSnippet } from "./paste-snippet";

type Stub = ((...args: unknown[]) => void) & { q: ArrayLike<unknown>[] };

describe("snippet", () => {
  afterEach(resetPage);

  // A script inserted by script never blocks parsing (HTML's "non-blocking"
  // flag), so the snippet needs no async attribute; happy-dom does not
  // model that flag, so this checks the module type and the URL.
  it("loads the runtime as an ES module from the edge", () => {
    const [script, ...more] = pasteSnippet();

    expect(more).toHaveLength(0);
    expect(script?.type).toBe("module");
    expect(script?.src).toBe(SCRIPT_URL);
  });

  it("queues calls made before the runtime arrives", () => {
    pasteSnippet();
    const vitrine = Reflect.get(window, "vitrine") as Stub;
    vitrine("identify", "c-1");
    vitrine("track", "ViewProduct", { product: "p-1" });

    expect(vitrine.q.map((args) => Array.from(args))).toEqual([
      ["identify", "c-1"],
      ["track", "ViewProduct", { product: "p-1" }],
    ]);
  });

  it("keeps the existing queue when pasted twice", () => {
    pasteSnippet();
    const first = Reflect.get(window, "vitrine");
    pasteSnippet();

    expect(Reflect.get(window, "vitrine")).toBe(first);
  });
});
