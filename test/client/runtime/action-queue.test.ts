import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createActionQueue,
  MAX_QUEUED,
  MAX_QUEUED_CHARS,
} from "../../../client/runtime/action-queue";
import type { Log } from "../../../client/runtime/logger";
import { createStore } from "../../../client/runtime/storage";
import { resetPage, SITE } from "../fake-edge";
import {
  action,
  droppedCounts,
  fillStorage,
  ids,
  queuedIds,
  storedQueue,
} from "../queue-support";

function openQueue(log: Log = () => {}) {
  return createActionQueue(window, createStore(window), SITE, log);
}

/** What another tab's write looks like to this one. */
function writeFromAnotherTab(value: string | null, key: string | null = queueKey()) {
  if (key && value !== null) localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent("storage", { key, newValue: value }));
}
const queueKey = () => `vitrine:${SITE}:queue`;

describe("the durable queue", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 10, 0, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    resetPage();
  });

  it("keeps actions in localStorage, where the next page view finds them", () => {
    openQueue().add(action("action-a"));
    openQueue().add(action("action-b"));

    expect(
      openQueue()
        .read()
        .actions.map((one) => one.id),
    ).toEqual(["action-a", "action-b"]);
    expect(queuedIds()).toEqual(["action-a", "action-b"]);
  });

  it("drops the oldest past 500 actions and records how many and why", () => {
    const logged: unknown[] = [];
    const queue = openQueue((message, detail) => logged.push([message, detail]));
    for (const id of ids(MAX_QUEUED + 3)) queue.add(action(id));

    const kept = queuedIds();
    expect(kept).toHaveLength(MAX_QUEUED);
    expect(kept[0]).toBe("action-003");
    expect(droppedCounts()).toEqual({ queue_full: 3 });
    expect(logged).toContainEqual([
      "actions dropped",
      { reason: "queue_full", actions: [expect.objectContaining({ id: "action-002" })] },
    ]);
  });

  it("drops the oldest past 256,000 characters", () => {
    const queue = openQueue();
    const note = "x".repeat(20_000);
    for (const id of ids(14)) queue.add(action(id, { data: { url: "/", note } }));

    expect(JSON.stringify(storedQueue().actions).length).toBeLessThanOrEqual(
      MAX_QUEUED_CHARS,
    );
    expect(queuedIds()).toEqual(ids(14).slice(2));
    expect(droppedCounts()).toEqual({ queue_full: 2 });
  });

  it("gives up on actions older than the edge accepts", () => {
    const queue = openQueue();
    queue.add(action("action-old", { at: Date.now() - 29.5 * 86_400_000 }));
    queue.add(action("action-new"));

    expect(queuedIds()).toEqual(["action-new"]);
    expect(droppedCounts()).toEqual({ expired: 1 });
  });

  it("never throws when the quota is full, and keeps the queue in memory", () => {
    const queue = openQueue();
    queue.add(action("action-a"));
    const undo = fillStorage();

    expect(() => queue.add(action("action-b"))).not.toThrow();
    undo();
    expect(queue.shared).toBe(false);
    expect(queue.read().actions.map((one) => one.id)).toEqual(["action-a", "action-b"]);
    expect(queuedIds()).toEqual(["action-a"]);
  });

  it("works in memory when storage is blocked altogether", () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    const queue = openQueue();

    expect(() => queue.add(action("action-a"))).not.toThrow();
    expect(queue.read().actions.map((one) => one.id)).toEqual(["action-a"]);
    expect(queue.shared).toBe(false);
  });

  it("puts back its actions that another tab's late write lost", () => {
    const queue = openQueue();
    const stale = localStorage.getItem(queueKey());
    queue.add(action("action-mine"));
    // The other tab wrote from a copy made before ours arrived.
    writeFromAnotherTab(stale ?? JSON.stringify({ actions: [], gone: [] }));

    expect(queuedIds()).toEqual(["action-mine"]);
  });

  it("does not put back what another tab sent or dropped", () => {
    const queue = openQueue();
    queue.add(action("action-mine"));
    writeFromAnotherTab(JSON.stringify({ actions: [], gone: ["action-mine"] }));
    writeFromAnotherTab(JSON.stringify({ actions: [], gone: [] }));

    expect(queuedIds()).toEqual([]);
    expect(queue.mine.size).toBe(0);
  });

  it("takes out again what another tab's stale write brought back", () => {
    const queue = openQueue();
    queue.add(action("action-a"));
    const stale = localStorage.getItem(queueKey());
    // Sent and taken out by this tab as the flusher, while the other tab
    // still had a copy with it.
    queue.update((state) => {
      state.actions = [];
      return true;
    }, true);
    writeFromAnotherTab(stale);
    expect(queuedIds()).toEqual(["action-a"]);
    queue.add(action("action-b"));

    expect(queuedIds()).toEqual(["action-b"]);
  });

  it("puts its actions back when the host page clears localStorage", () => {
    openQueue().add(action("action-mine"));
    localStorage.clear();
    writeFromAnotherTab(null, null);

    expect(queuedIds()).toEqual(["action-mine"]);
  });

  it("starts empty over a value that is not a queue", () => {
    localStorage.setItem(queueKey(), "{not json");
    const queue = openQueue();

    expect(queue.read().actions).toEqual([]);
    queue.add(action("action-a"));
    expect(queuedIds()).toEqual(["action-a"]);
  });
});
