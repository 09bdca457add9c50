import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HANDOVER_POLL, LEASE } from "../../../client/runtime/flush-lock";
import type { ActionInput } from "../../../edge/contract";
import { fakeEdge, resetPage, SITE } from "../fake-edge";
import { fakeLocks } from "../fake-locks";
import { action, gate, openTab, queuedIds } from "../queue-support";

async function wait(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
}

/** How often each id was sent, over all requests. */
function sendCounts(edge: ReturnType<typeof fakeEdge>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const batch of edge.batches) {
    for (const { id } of batch.body.actions) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe.each([
  ["Web Locks", () => fakeLocks()],
  ["the localStorage lease", () => null],
])("two tabs of one shop, with %s", (_name, makeLocks) => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 10, 0, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
    resetPage();
  });

  it("send each action once between them, over a slow network", async () => {
    const edge = fakeEdge();
    const network = gate(edge.fetch);
    const locks = makeLocks();
    const first = openTab(network.fetch, { locks });
    const second = openTab(network.fetch, { locks });

    for (let round = 0; round < 5; round++) {
      first.add(action(`first-${round}-tab`));
      second.add(action(`second-${round}-tab`));
      await wait(round * 300);
      network.release();
      await wait();
    }
    for (let i = 0; i < 10; i++) {
      await wait(1_000);
      network.release();
    }
    await wait();

    const counts = sendCounts(edge);
    expect(counts.size).toBe(10);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(edge.stored).toHaveLength(10);
    expect(queuedIds()).toEqual([]);
  });

  it("keep one request in flight at a time", async () => {
    const edge = fakeEdge();
    const network = gate(edge.fetch);
    const locks = makeLocks();
    const first = openTab(network.fetch, { locks });
    const second = openTab(network.fetch, { locks });
    first.add(action("first-action"));
    await wait();
    second.add(action("second-action"));
    second.flush();
    await wait();

    expect(network.pending).toBe(1);
    network.release();
    await wait(1_000);
    expect(network.pending).toBe(1);
    network.release();
    await wait();

    expect(edge.batches.map((batch) => batch.body.actions.map((one) => one.id))).toEqual([
      ["first-action"],
      ["second-action"],
    ]);
  });
});

describe("the localStorage lease", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 10, 0, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
    resetPage();
  });

  it("is taken over once a tab that died holding it has let it lapse", async () => {
    localStorage.setItem(`vitrine:${SITE}:flush`, `dead-tab ${Date.now() + LEASE}`);
    const edge = fakeEdge();
    openTab(edge).add(action("action-a"));
    await wait(LEASE - 1_000);
    expect(edge.batches).toHaveLength(0);
    await wait(1_000);

    expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
    expect(localStorage.getItem(`vitrine:${SITE}:flush`)).toBe("");
  });

  it("ignores a lease that lies further ahead than any lease lasts", async () => {
    localStorage.setItem(`vitrine:${SITE}:flush`, `clock-tab ${Date.now() + 10 * LEASE}`);
    const edge = fakeEdge();
    openTab(edge).add(action("action-a"));
    await wait();

    expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
  });
});

describe("Web Locks", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 10, 0, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
    resetPage();
  });

  it("make a new holder wait until the last holder's writes have reached it", async () => {
    // What Chrome does: the lock is free, but the previous holder's last
    // writes (the queue without what it sent, then its cleared lease) are
    // still on their way to this tab.
    const writeQueue = (actions: ActionInput[], gone: string[]) =>
      localStorage.setItem(`vitrine:${SITE}:queue`, JSON.stringify({ actions, gone }));
    const mine = action("action-mine");
    writeQueue([action("action-sent")], []);
    localStorage.setItem(`vitrine:${SITE}:flush`, `other-tab ${Date.now() + LEASE}`);
    const edge = fakeEdge();
    openTab(edge, { locks: fakeLocks() }).add(mine);
    await wait(HANDOVER_POLL * 3);
    expect(edge.batches).toHaveLength(0);

    writeQueue([mine], ["action-sent"]);
    localStorage.setItem(`vitrine:${SITE}:flush`, "");
    await wait(HANDOVER_POLL);

    expect(edge.batches.map((batch) => batch.body.actions.map((one) => one.id))).toEqual([
      ["action-mine"],
    ]);
  });

  it("let a new holder go on once a dead holder's lease lapses", async () => {
    localStorage.setItem(`vitrine:${SITE}:flush`, `dead-tab ${Date.now() + 5_000}`);
    const edge = fakeEdge();
    openTab(edge, { locks: fakeLocks() }).add(action("action-a"));
    await wait(4_900);
    expect(edge.batches).toHaveLength(0);
    await wait(200);

    expect(edge.stored.map((one) => one.id)).toEqual(["action-a"]);
  });
});
