import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PageAnswer } from "../../../client/runtime/page-response";
import { createPopupEngine } from "../../../client/runtime/popups/engine";
import { POPUP_MODULES } from "../../../client/runtime/popups/templates";
import { createStore } from "../../../client/runtime/storage";
import type { Tracker } from "../../../client/runtime/tracker";
import type { PopupPayload } from "../../../templates/popup/contract";
import { frequencyDefaults, targetingDefaults } from "../../../templates/popup/targeting";
import { POPUP_DEFAULTS } from "../../../templates/popups";
import { card } from "../fake-edge";

let sites = 0;
let site = "";
let events: { popup: string; event: string }[] = [];

const tracker: Tracker = {
  track: (_operation, data) => void events.push(data as { popup: string; event: string }),
  identify: () => {},
};

function popup(
  id: string,
  overrides: {
    targeting?: Partial<PopupPayload["targeting"]>;
    frequency?: Partial<PopupPayload["frequency"]>;
    template?: PopupPayload["template"];
    data?: unknown;
    settings?: Record<string, unknown>;
  } = {},
): PopupPayload {
  const template = overrides.template ?? "social-proof";
  const { segments: _, ...targeting } = targetingDefaults;
  return {
    id,
    template,
    settings: { ...POPUP_DEFAULTS[template], ...overrides.settings },
    targeting: { ...targeting, delaySeconds: 1, ...overrides.targeting },
    frequency: { ...frequencyDefaults, ...overrides.frequency },
    data: (overrides.data ?? { count: 12 }) as PopupPayload["data"],
  };
}

function answer(popups: PopupPayload[], now?: number): PageAnswer {
  return {
    site: { id: site, name: "Shop", locale: "en-US", currency: "USD" },
    widgets: [],
    popups,
    now,
  };
}

function start(hooks = new Map()) {
  // Each test has a site of its own; an earlier test's engine only keeps
  // its listeners, and its timers went with the fake clock.
  return createPopupEngine({
    win: window,
    site,
    store: createStore(window),
    tracker,
    hooks,
    log: () => {},
  });
}

const hosts = () => [...document.querySelectorAll("[data-vitrine-popup]")];
const shown = () => hosts().map((host) => host.getAttribute("data-vitrine-popup"));
const dialog = () => hosts()[0]?.shadowRoot?.querySelector("[role=dialog]");

/** Lets timers fire and the template's chunk load. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  // Dynamic imports settle on real promises, outside the fake clock.
  for (let i = 0; i < 20 && hosts().length === 0; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// Loaded once up front, so that a test's dynamic import settles in a few
// ticks rather than after the module's first compilation.
beforeAll(async () => {
  await Promise.all(Object.values(POPUP_MODULES).map((load) => load()));
});

beforeEach(() => {
  sites += 1;
  site = `popup-shop-${sites}`;
  events = [];
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "Date"] });
  history.replaceState(null, "", "/");
});

afterEach(() => {
  for (const host of hosts()) host.remove();
  vi.useRealTimers();
  sessionStorage.clear();
});

describe("the pop-up engine", () => {
  it("shows a pop-up once its delay has passed, as a labelled dialog, and records it", async () => {
    start().update(answer([popup("proof", { targeting: { delaySeconds: 3 } })]), {
      type: "product",
      cart: [],
    });
    await advance(2_900);
    expect(shown()).toEqual([]);
    await advance(200);
    expect(shown()).toEqual(["proof"]);
    expect(dialog()?.getAttribute("aria-modal")).toBe("true");
    expect(dialog()?.textContent).toContain("12");
    expect(events).toEqual([{ popup: "proof", event: "impression" }]);
  });

  it("shows at most one pop-up per page view, the first to trigger", async () => {
    const engine = start();
    engine.update(
      answer([
        popup("first", { targeting: { delaySeconds: 2 } }),
        popup("second", { targeting: { delaySeconds: 1 } }),
      ]),
      { type: "home", cart: [] },
    );
    await advance(5_000);
    expect(shown()).toEqual(["second"]);
    const close =
      hosts()[0]?.shadowRoot?.querySelector<HTMLButtonElement>("button.close");
    close?.click();
    expect(shown()).toEqual([]);
    expect(events.at(-1)).toEqual({ popup: "second", event: "close" });
    await advance(5_000);
    expect(shown()).toEqual([]);

    // The next page view: "second" had its once-per-session showing.
    engine.update(
      answer([
        popup("first", { targeting: { delaySeconds: 2 } }),
        popup("second", { targeting: { delaySeconds: 1 } }),
      ]),
      { type: "home", cart: [] },
    );
    await advance(5_000);
    expect(shown()).toEqual(["first"]);
  });

  it("counts once per session across the shop's tabs", async () => {
    start().update(answer([popup("once")]), { type: "home", cart: [] });
    await advance(1_500);
    expect(shown()).toEqual(["once"]);
    // A session cookie, which tabs share; sessionStorage is one tab's.
    expect(document.cookie).toContain(`vitrine_${site}_popups=once`);
    expect(sessionStorage.length).toBe(0);
    for (const host of hosts()) host.remove();

    // Another tab of the same browser session: a second engine, same cookie.
    start().update(answer([popup("once")]), { type: "home", cart: [] });
    await advance(5_000);
    expect(shown()).toEqual([]);
  });

  it("closes on Escape, and stops after the allowed number of closes", async () => {
    const engine = start();
    const capped = popup("capped", { frequency: { cap: "page-view", maxCloses: 1 } });
    engine.update(answer([capped]), { type: "home", cart: [] });
    await advance(1_000);
    dialog()?.dispatchEvent(
      new KeyboardEvent("keydown", { key: "Escape", bubbles: true }),
    );
    expect(shown()).toEqual([]);

    engine.update(answer([capped]), { type: "home", cart: [] });
    await advance(5_000);
    expect(shown()).toEqual([]);
  });

  it("follows single-page routes: shows where the rule starts to hold, closes where it stops", async () => {
    const engine = start();
    const sale = popup("sale", {
      frequency: { cap: "page-view" },
      targeting: { pages: [{ match: "matches", negate: false, value: "*/sale*" }] },
    });
    engine.update(answer([sale]), { type: "home", cart: [] });
    await advance(3_000);
    expect(shown()).toEqual([]);

    history.pushState(null, "", "/sale/winter");
    await advance(1_600);
    expect(shown()).toEqual(["sale"]);

    history.pushState(null, "", "/about");
    await advance(600);
    expect(shown()).toEqual([]);
    // Closed by the route, not by the shopper: no close is recorded.
    expect(events.map((event) => event.event)).toEqual(["impression"]);
  });

  it("waits for the pointer to leave through the top on desktop", async () => {
    start().update(answer([popup("exit", { targeting: { trigger: "exit" } })]), {
      type: "home",
      cart: [],
    });
    await advance(5_000);
    expect(shown()).toEqual([]);
    document.dispatchEvent(
      new MouseEvent("mouseout", { clientY: -2, relatedTarget: null }),
    );
    await advance(0);
    expect(shown()).toEqual(["exit"]);
  });

  it("shows an add-to-cart pop-up when the cart grows, with the merchant's hook", async () => {
    const added: unknown[] = [];
    const engine = start(new Map([["addToCart", (item: unknown) => added.push(item)]]));
    const cross = popup("cross", {
      template: "cross-sell",
      targeting: { trigger: "add-to-cart" },
      data: { items: [card("jam")] },
    });
    engine.update(answer([cross]), { type: "product", cart: ["bread"] });
    await advance(5_000);
    expect(shown()).toEqual([]);

    engine.update(answer([cross]), { type: "product", cart: ["bread", "butter"] });
    await advance(100);
    expect(shown()).toEqual(["cross"]);
    hosts()[0]?.shadowRoot?.querySelector<HTMLButtonElement>("button.add")?.click();
    expect(added).toEqual([card("jam")]);
    // The button's own handler converts before the click reaches the root.
    expect(events.map((event) => event.event)).toEqual([
      "impression",
      "conversion",
      "click",
    ]);

    // Converted: never again, even on a later page view that qualifies.
    hosts()[0]?.shadowRoot?.querySelector<HTMLButtonElement>("button.close")?.click();
    engine.update(answer([cross]), { type: "product", cart: ["bread"] });
    engine.update(answer([cross]), { type: "product", cart: ["bread", "milk", "eggs"] });
    await advance(1_000);
    expect(shown()).toEqual([]);
  });

  it("keeps to its device types", async () => {
    start().update(answer([popup("phones", { targeting: { devices: ["mobile"] } })]), {
      type: "home",
      cart: [],
    });
    await advance(5_000);
    expect(shown()).toEqual([]);
  });

  it("counts down on the edge's clock and closes at zero", async () => {
    const edgeNow = Date.now() + 3_600_000; // the shopper's clock is an hour slow
    const timer = popup("timer", {
      template: "countdown",
      targeting: { delaySeconds: 0 },
      data: { endsAt: edgeNow + 10_000 },
    });
    start().update(answer([timer], edgeNow), { type: "home", cart: [] });
    await advance(100);
    expect(shown()).toEqual(["timer"]);
    expect(dialog()?.textContent).not.toMatch(/-\d/);
    await advance(9_000);
    expect(shown()).toEqual(["timer"]);
    await advance(1_500);
    expect(shown()).toEqual([]);
  });
});
