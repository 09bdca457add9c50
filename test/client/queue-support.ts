/** Builds senders as tabs of one shop make them, and reads what they keep
 * in localStorage. */
import { Window as HappyWindow } from "happy-dom";
import { createSender, type SenderOptions } from "../../client/runtime/sender";
import { createStore } from "../../client/runtime/storage";
import type { ActionInput } from "../../edge/contract";
import { type FakeEdge, OPERATIONS_URL, SITE } from "./fake-edge";

export const DEVICE = "d-test-device-000000";

/** A valid ViewPage action made now (by the fake clock, under fake timers). */
export function action(id: string, overrides: Partial<ActionInput> = {}): ActionInput {
  return {
    id,
    operation: "ViewPage",
    at: Date.now(),
    device: DEVICE,
    data: { url: `https://shop.test/${id}` },
    ...overrides,
  };
}

export function ids(count: number, prefix = "action"): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${prefix}-${String(i).padStart(3, "0")}`,
  );
}

/**
 * A sender as one tab of the shop makes it: its own window (its events,
 * its visibility) over the test's localStorage, which every tab shares.
 * Without `locks` it takes the localStorage lease, as happy-dom has no Web
 * Locks.
 */
export function openTab(
  edge: FakeEdge | typeof fetch,
  options: Partial<SenderOptions> = {},
) {
  const win = new HappyWindow({ url: "https://shop.test/" }) as unknown as Window;
  const sender = createSender({
    win,
    endpoint: OPERATIONS_URL,
    site: SITE,
    request: typeof edge === "function" ? edge : edge.fetch,
    store: createStore(window),
    log: () => {},
    locks: null,
    ...options,
  });
  return { ...sender, win, hide: () => win.dispatchEvent(new Event("pagehide")) };
}

interface StoredQueue {
  actions: ActionInput[];
  gone: string[];
  until: number;
  fails: number;
  tokens: number;
}

export function storedQueue(): StoredQueue {
  return JSON.parse(localStorage.getItem(`vitrine:${SITE}:queue`) ?? "null");
}

export function queuedIds(): string[] {
  return storedQueue()?.actions.map((one) => one.id) ?? [];
}

export function droppedCounts(): Record<string, number> {
  return JSON.parse(localStorage.getItem(`vitrine:${SITE}:dropped`) ?? "{}");
}

/**
 * Holds every request until `release()`, like a slow network: the request
 * reaches `fetch` (the edge) only then. `lose()` instead lets the edge
 * store it and never answers, like a page that died mid-request.
 */
export function gate(fetch: typeof globalThis.fetch) {
  const waiting: (() => void)[] = [];
  let losing = false;
  return {
    fetch: ((input, init) => {
      if (losing) {
        void fetch(input, init);
        return new Promise<Response>(() => {});
      }
      return new Promise<Response>((resolve, reject) => {
        waiting.push(() => fetch(input, init).then(resolve, reject));
      });
    }) as typeof globalThis.fetch,
    get pending() {
      return waiting.length;
    },
    release() {
      for (const go of waiting.splice(0)) go();
    },
    lose() {
      losing = true;
    },
  };
}

/**
 * Makes localStorage refuse writes as a full origin does; returns the undo.
 * (happy-dom's Storage is a Proxy that `vi.spyOn` cannot restore.)
 */
export function fillStorage(): () => void {
  const setItem = (value: Storage["setItem"]) =>
    Object.defineProperty(localStorage, "setItem", {
      value,
      configurable: true,
      writable: true,
    });
  setItem(() => {
    throw new DOMException("Quota exceeded", "QuotaExceededError");
  });
  return () => setItem(Storage.prototype.setItem);
}
