import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_BODY } from "../../../client/runtime/sender";
import { error, fakeEdge, resetPage } from "../fake-edge";
import {
  action,
  DEVICE,
  droppedCounts,
  gate,
  ids,
  openTab,
  queuedIds,
  storedQueue,
} from "../queue-support";

// 10:00:30 UTC: half a minute before the edge's counts restart.
const START = Date.UTC(2026, 2, 2, 10, 0, 30);
const SECOND = 1_000;

/** Runs the timers due within `ms` and the requests they make. */
async function wait(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
}

const sent = (edge: ReturnType<typeof fakeEdge>) =>
  edge.batches.map((batch) => batch.body.actions.map((one) => one.id));

describe("sending actions", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
    // Jitter in the middle of its range, so that waits are exact.
    vi.spyOn(Math, "random").mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    resetPage();
  });

  it("sends what was queued together, as text/plain JSON without credentials", async () => {
    const edge = fakeEdge();
    const tab = openTab(edge);
    tab.add(action("action-a"));
    tab.add(action("action-b"));
    await wait();

    expect(sent(edge)).toEqual([["action-a", "action-b"]]);
    const init = edge.batches[0]?.init;
    expect(new Headers(init?.headers).get("Content-Type")).toBe("text/plain");
    expect(init?.credentials).toBe("omit");
    expect(init?.keepalive).toBe(false);
    expect(queuedIds()).toEqual([]);
  });

  it("keeps each body under 60 KB and drops an action that alone exceeds it", async () => {
    const edge = fakeEdge();
    const tab = openTab(edge);
    tab.add(action("action-huge", { data: { url: "x".repeat(MAX_BODY) } }));
    for (const id of ids(10, "big-one"))
      tab.add(action(id, { data: { url: "é".repeat(10_000) } }));
    await wait();

    const sizes = edge.batches.map(
      (batch) => new TextEncoder().encode(String(batch.init.body)).length,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BODY);
    expect(sent(edge).map((batch) => batch.length)).toEqual([2, 2, 2, 2, 2]);
    expect(edge.stored.map((one) => one.id)).not.toContain("action-huge");
    expect(droppedCounts()).toEqual({ too_large: 1 });
  });

  it("refuses what cannot be serialised, and keeps the page's later changes out", async () => {
    const edge = fakeEdge();
    const tab = openTab(edge);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    tab.add(action("action-cyclic", { data: cyclic }));
    const data = { url: "/before" };
    tab.add(action("action-a", { data }));
    data.url = "/after";
    await wait();

    expect(edge.stored.map((one) => [one.id, one.data])).toEqual([
      ["action-a", { url: "/before" }],
    ]);
  });

  describe("when the edge answers 429", () => {
    it("keeps everything and waits for the rest of the minute, not just Retry-After", async () => {
      const edge = fakeEdge({
        operations: (_batch, attempt) =>
          attempt === 0
            ? error(429, "ceiling_reached", "actions", { "Retry-After": "2" })
            : undefined,
      });
      const tab = openTab(edge);
      tab.add(action("action-a"));
      tab.add(action("action-b"));
      await wait();
      expect(edge.batches.map((batch) => batch.status)).toEqual([429]);
      expect(queuedIds()).toEqual(["action-a", "action-b"]);

      // Retry-After said 2 s; the minute ends in 30 s, and jitter adds 2.5 s.
      await wait(32 * SECOND);
      expect(edge.batches).toHaveLength(1);
      tab.add(action("action-c"));
      await wait(400);
      expect(edge.batches).toHaveLength(1);
      await wait(100);

      expect(edge.batches.map((batch) => batch.status)).toEqual([429, 202]);
      expect(edge.batches[1]?.at).toBe(START + 32_500);
      expect(edge.stored.map((one) => one.id)).toEqual([
        "action-a",
        "action-b",
        "action-c",
      ]);
      expect(queuedIds()).toEqual([]);
    });

    it("honours a Retry-After longer than the minute", async () => {
      const edge = fakeEdge({
        operations: (_batch, attempt) =>
          attempt === 0
            ? error(429, "ceiling_reached", "actions", { "Retry-After": "90" })
            : undefined,
      });
      openTab(edge).add(action("action-a"));
      await wait();
      await wait(92 * SECOND);
      expect(edge.batches).toHaveLength(1);
      await wait(SECOND);

      expect(edge.batches).toHaveLength(2);
      expect(edge.batches[1]?.at).toBe(START + 92_500);
    });

    it("makes every tab and the next page view wait too", async () => {
      const edge = fakeEdge({ ceiling: 0 });
      openTab(edge).add(action("action-a"));
      await wait();
      const later = openTab(edge);
      later.add(action("action-b"));
      later.flush();
      await wait(10 * SECOND);

      expect(edge.batches).toHaveLength(1);
      expect(storedQueue().until).toBe(START + 32_500);
    });
  });

  it("keeps exactly the actions a ceiling rejected and sends them after the minute", async () => {
    const edge = fakeEdge({ ceiling: 2 });
    const tab = openTab(edge);
    tab.add(action("action-a"));
    tab.add(action("action-b"));
    tab.add(action("action-c"));
    tab.add(action("action-d", { operation: "ViewProduct", data: { product: "p-1" } }));
    await wait();

    expect(edge.stored.map((one) => one.id)).toEqual([
      "action-a",
      "action-b",
      "action-d",
    ]);
    expect(queuedIds()).toEqual(["action-c"]);
    await wait(32 * SECOND);
    expect(edge.batches).toHaveLength(1);
    await wait(SECOND);

    expect(sent(edge)[1]).toEqual(["action-c"]);
    expect(edge.stored.map((one) => one.id)).toEqual([
      "action-a",
      "action-b",
      "action-d",
      "action-c",
    ]);
  });

  it("drops the action a 400 names, records why, and sends the rest at once", async () => {
    const edge = fakeEdge();
    const tab = openTab(edge);
    tab.add(action("action-a"));
    tab.add(action("action-b", { device: "-not-an-id" }));
    tab.add(action("action-c"));
    await wait();

    expect(sent(edge)).toEqual([
      ["action-a", "action-b", "action-c"],
      ["action-a", "action-c"],
    ]);
    expect(edge.stored.map((one) => one.id)).toEqual(["action-a", "action-c"]);
    expect(droppedCounts()).toEqual({ invalid_action: 1 });
    expect(queuedIds()).toEqual([]);
  });

  it("drops the whole batch on a refusal that names no action", async () => {
    const edge = fakeEdge({
      operations: () => error(403, "origin_not_allowed", "origin"),
    });
    const tab = openTab(edge);
    tab.add(action("action-a"));
    tab.add(action("action-b"));
    await wait();

    expect(edge.batches).toHaveLength(1);
    expect(queuedIds()).toEqual([]);
    expect(droppedCounts()).toEqual({ origin_not_allowed: 2 });
  });

  it("halves batches on 413 and drops an action the edge still finds too large", async () => {
    const edge = fakeEdge({
      operations: (batch) =>
        batch.body.actions.length > 2 || batch.body.actions[0]?.id === "action-g"
          ? error(413, "payload_too_large", "body")
          : undefined,
    });
    const tab = openTab(edge);
    for (const id of ["a", "b", "c", "d", "e", "f", "g"]) tab.add(action(`action-${id}`));
    await wait();

    expect(sent(edge).map((batch) => batch.length)).toEqual([7, 3, 1, 1, 1, 1, 1, 1, 1]);
    expect(edge.stored.map((one) => one.id)).toEqual(
      ids(6).map((_, i) => `action-${"abcdef"[i]}`),
    );
    expect(droppedCounts()).toEqual({ payload_too_large: 1 });
  });

  it("backs off exponentially with full jitter on 5xx, up to a minute", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValue(0.999_999);
    const edge = fakeEdge({ operations: () => error(503, "unavailable") });
    openTab(edge).add(action("action-a"));
    await wait();
    await wait(10 * 60 * SECOND);

    const gaps = edge.batches
      .slice(1)
      .map((batch, i) => Math.round((batch.at - (edge.batches[i]?.at ?? 0)) / SECOND));
    expect(gaps.slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(queuedIds()).toEqual(["action-a"]);

    random.mockReturnValue(0.25);
    const before = edge.batches.length;
    await wait(60 * SECOND);
    const quick = edge.batches.slice(before);
    const quickGaps = quick
      .slice(1)
      .map((batch, i) => (batch.at - (quick[i]?.at ?? 0)) / SECOND);
    expect(quickGaps.every((gap) => gap <= 15)).toBe(true);
  });

  it("waits at least the Retry-After of a 503", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const edge = fakeEdge({
      operations: (_batch, attempt) =>
        attempt === 0
          ? error(503, "limiter_unavailable", undefined, { "Retry-After": "5" })
          : undefined,
    });
    openTab(edge).add(action("action-a"));
    await wait();
    await wait(4 * SECOND);
    expect(edge.batches).toHaveLength(1);
    await wait(SECOND);

    expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
  });

  it("never drops on network failures before an action is a day old, then gives up", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    openTab(fetch).add(action("action-a"));
    await wait();
    await wait(23 * 3_600 * SECOND);

    expect(queuedIds()).toEqual(["action-a"]);
    expect(fetch.mock.calls.length).toBeGreaterThan(1_000);
    await wait(3_660 * SECOND);

    expect(queuedIds()).toEqual([]);
    expect(droppedCounts()).toEqual({ expired: 1 });
  });

  it("sends at once when the browser comes back online", async () => {
    let online = false;
    const edge = fakeEdge();
    const fetch: typeof globalThis.fetch = (input, init) =>
      online ? edge.fetch(input, init) : Promise.reject(new TypeError("offline"));
    const tab = openTab(fetch);
    for (let i = 0; i < 8; i++) tab.add(action(`action-${i}`));
    await wait();
    await wait(60 * SECOND);
    const backoff = storedQueue().until - Date.now();
    expect(backoff).toBeGreaterThan(SECOND);

    online = true;
    tab.win.dispatchEvent(new Event("online"));
    await wait();

    expect(edge.stored).toHaveLength(8);
  });

  it("sends what an earlier page view left, when the next one starts", async () => {
    const fetch: typeof globalThis.fetch = () => Promise.reject(new TypeError("offline"));
    openTab(fetch).add(action("action-a"));
    await wait();
    expect(queuedIds()).toEqual(["action-a"]);

    const edge = fakeEdge();
    openTab(edge);
    await wait();

    expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
    expect(edge.stored[0]?.device).toBe(DEVICE);
  });

  describe("the visitor's token bucket", () => {
    it("lets a burst of 30 actions through, then one a second", async () => {
      const edge = fakeEdge();
      const tab = openTab(edge);
      for (const id of ids(45)) tab.add(action(id));
      await wait();

      expect(sent(edge).flat()).toHaveLength(30);
      expect(queuedIds()).toHaveLength(15);
      await wait(14 * SECOND);
      expect(sent(edge).flat()).toHaveLength(30);
      await wait(SECOND);

      expect(sent(edge).flat()).toHaveLength(45);
      expect(new Set(edge.stored.map((one) => one.id)).size).toBe(45);
    });

    it("holds across page views: a reload does not refill it", async () => {
      const edge = fakeEdge();
      const tab = openTab(edge);
      for (const id of ids(30)) tab.add(action(id));
      await wait();

      openTab(edge).add(action("after-reload"));
      await wait(500);
      expect(edge.stored).toHaveLength(30);
      await wait(SECOND);

      expect(edge.stored).toHaveLength(31);
    });
  });

  describe("when the page is hidden or left", () => {
    const big = { url: "é".repeat(10_000) };
    const bytes = (batch: { init: RequestInit }) =>
      new TextEncoder().encode(String(batch.init.body)).length;

    it("sends its actions at once with keepalive, in chunks within 64 KB", async () => {
      const edge = fakeEdge();
      const network = gate(edge.fetch);
      const tab = openTab(network.fetch);
      for (const id of ids(5)) tab.add(action(id, { data: big }));

      tab.hide();
      network.release();
      await vi.advanceTimersByTimeAsync(0);

      // 20 KB each: 40 KB + 20 KB fit in the budget, the next would not.
      const keepalive = edge.batches.filter((batch) => batch.init.keepalive);
      expect(keepalive.map((batch) => batch.body.actions.length)).toEqual([2, 1]);
      expect(Math.max(...keepalive.map(bytes))).toBeLessThanOrEqual(MAX_BODY);
      expect(keepalive.map(bytes).reduce((sum, size) => sum + size)).toBeLessThanOrEqual(
        64_000,
      );
      expect(queuedIds()).toEqual(ids(5).slice(3));

      // The page lived on: the rest follows as usual once those are answered.
      await wait();
      network.release();
      await wait();
      expect(edge.stored.map((one) => one.id)).toEqual(ids(5));
      expect(queuedIds()).toEqual([]);
    });

    it("does the same when the tab is hidden", async () => {
      const edge = fakeEdge();
      const tab = openTab(edge);
      tab.add(action("action-a"));
      const hidden = vi
        .spyOn(tab.win.document, "visibilityState", "get")
        .mockReturnValue("hidden");
      tab.win.document.dispatchEvent(new Event("visibilitychange"));
      hidden.mockRestore();
      await wait();

      expect(edge.batches.map((batch) => batch.init.keepalive)).toEqual([true]);
      expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
    });

    it("leaves them queued until answered, so the next page view sends them again", async () => {
      const edge = fakeEdge();
      const network = gate(edge.fetch);
      network.lose();
      const tab = openTab(network.fetch);
      tab.add(action("action-a"));
      tab.hide();
      await wait();
      expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
      expect(queuedIds()).toEqual(["action-a"]);

      openTab(edge);
      await wait();

      expect(queuedIds()).toEqual([]);
      expect(sent(edge)).toEqual([["action-a"], ["action-a"]]);
      expect(edge.stored).toHaveLength(1);
    });

    it("sends no other tab's actions: those tabs do", async () => {
      const edge = fakeEdge();
      const network = gate(edge.fetch);
      const other = openTab(network.fetch);
      other.add(action("action-other"));
      const tab = openTab(network.fetch);
      tab.add(action("action-mine"));

      tab.hide();
      network.release();
      await vi.advanceTimersByTimeAsync(0);

      const keepalive = edge.batches.filter((batch) => batch.init.keepalive);
      expect(keepalive.map((batch) => batch.body.actions.map((one) => one.id))).toEqual([
        ["action-mine"],
      ]);
      await wait();
      network.release();
      await wait();
      expect(edge.stored.map((one) => one.id).sort()).toEqual([
        "action-mine",
        "action-other",
      ]);
    });
  });
});
