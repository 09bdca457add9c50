import { afterEach, describe, expect, it } from "vitest";
import { startRuntime } from "../../../client/runtime/start";
import {
  card,
  fakeEdge,
  nextTask,
  resetPage,
  SCRIPT_URL,
  vitrine,
  widget,
} from "../fake-edge";

const PLACEHOLDERS = `
  <div data-vitrine-page="product" data-vitrine-product="p-1"></div>
  <div data-vitrine-widget="w-1" style="min-height: 360px">fallback</div>`;

function placeholder(): Element {
  const element = document.querySelector('[data-vitrine-widget="w-1"]');
  if (!element) throw new Error("placeholder missing");
  return element;
}

/** Starts against `fetch`, then checks the page is untouched and calls still work. */
async function expectNothingRendered(fetch: typeof globalThis.fetch): Promise<void> {
  document.body.innerHTML = PLACEHOLDERS;
  const errors: unknown[] = [];
  const onError = (event: Event) => errors.push(event);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onError);

  await expect(
    startRuntime({ scriptUrl: SCRIPT_URL, window, fetch }),
  ).resolves.toBeUndefined();
  expect(() => vitrine("page", { type: "home" })).not.toThrow();
  await nextTask();
  await nextTask();

  window.removeEventListener("error", onError);
  window.removeEventListener("unhandledrejection", onError);
  expect(errors).toEqual([]);
  expect(placeholder().shadowRoot).toBeNull();
  expect(placeholder().outerHTML).toBe(
    '<div data-vitrine-widget="w-1" style="min-height: 360px">fallback</div>',
  );
}

function answer(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status });
}

describe("when the edge fails", () => {
  afterEach(resetPage);

  it("renders nothing and never throws when the network is down", async () => {
    await expectNothingRendered(async () => {
      throw new TypeError("Failed to fetch");
    });
  });

  it("renders nothing and never throws when fetch itself throws", async () => {
    await expectNothingRendered(() => {
      throw new TypeError("fetch is not a function");
    });
  });

  it("renders nothing on an error status", async () => {
    const body = JSON.stringify({ error: { code: "internal", message: "Oops." } });
    await expectNothingRendered(answer(body, 500));
  });

  it("renders nothing on a body that is not JSON", async () => {
    await expectNothingRendered(answer("<html>gateway timeout</html>"));
  });

  it.each([
    ["null", "null"],
    ["a list", "[]"],
    ["no site", JSON.stringify({ widgets: [] })],
    ["widgets not a list", JSON.stringify({ site: {}, widgets: "w-1" })],
    [
      "a widget without settings",
      JSON.stringify({
        site: { id: "s", name: "S", locale: "en-US", currency: "USD" },
        widgets: [{ id: "w-1", template: "recommendations", items: [card("a")] }],
      }),
    ],
    [
      "an unknown template",
      JSON.stringify({
        site: { id: "s", name: "S", locale: "en-US", currency: "USD" },
        widgets: [{ ...widget("w-1", [card("a")]), template: "<script>" }],
      }),
    ],
  ])("renders nothing on a malformed answer: %s", async (_name, body) => {
    await expectNothingRendered(answer(body));
  });

  it("drops malformed items and renders the others", async () => {
    document.body.innerHTML = PLACEHOLDERS;
    const items = [card("a"), { ...card("b"), price: "12.99" }, { id: "c" }, card("d")];
    const body = JSON.stringify({
      site: { id: "s", name: "S", locale: "en-US", currency: "USD" },
      widgets: [{ ...widget("w-1", []), items }],
    });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: answer(body) });

    const names = placeholder().shadowRoot?.querySelectorAll(".name") ?? [];
    expect([...names].map((name) => name.textContent)).toEqual([
      "Product a",
      "Product d",
    ]);
  });

  it("still records actions when the page request fails", async () => {
    const edge = fakeEdge({
      page: () => new Response("", { status: 503 }),
    });

    await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
    await nextTask();

    expect(edge.stored.map((action) => action.operation)).toEqual(["ViewPage"]);
  });
});
