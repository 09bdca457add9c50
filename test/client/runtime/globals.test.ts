// Alone in its file: vitest gives each file a fresh window, so no earlier
// test can have added the globals this one looks for.
import { expect, it } from "vitest";
import { startRuntime } from "../../../client/runtime/start";
import { card, fakeEdge, nextTask, SCRIPT_URL, vitrine, widget } from "../fake-edge";

it("adds no global other than vitrine, whatever it is asked to do", async () => {
  history.replaceState(null, "", "/?vitrine_debug=1");
  document.body.innerHTML = `
    <div data-vitrine-page="cart" data-vitrine-cart="a,b"></div>
    <div data-vitrine-widget="w-1"></div>`;
  const before = new Set(Object.getOwnPropertyNames(window));
  const edge = fakeEdge({ widgets: [widget("w-1", [card("a")])] });

  await startRuntime({ scriptUrl: SCRIPT_URL, window, fetch: edge.fetch });
  vitrine("identify", "c-1");
  vitrine("track", "Order", { order: "o-1" });
  vitrine("page", { type: "product", product: "p-1" });
  vitrine("refresh");
  vitrine("unknown");
  await nextTask();
  window.dispatchEvent(new Event("pagehide"));

  const added = Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
  expect(added).toEqual(["vitrine"]);
  expect(edge.batches.length).toBeGreaterThan(0);
});
