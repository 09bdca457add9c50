import type { ActionInput } from "../../edge/contract";
import { isRecord } from "../../templates/validation";
import type { Log } from "./logger";
import { parseJson, type Store } from "./storage";
import { BURST, type Bucket } from "./token-bucket";

/** Most actions kept; past it the oldest are dropped. */
export const MAX_QUEUED = 500;
/** Most characters of queued actions as JSON. localStorage quotas count
 * UTF-16 units (about 5 million per origin, shared with the host site), so
 * characters are the unit that matters. */
export const MAX_QUEUED_CHARS = 256_000;
const DAY = 86_400_000;
/** The edge refuses actions older than 30 days; a day of margin for clocks. */
export const MAX_AGE = 29 * DAY;
/** While sending fails (5xx, network), actions older than this are given
 * up on: the total time cap. */
export const MAX_AGE_FAILING = DAY;

/** What `vitrine:<site>:queue` holds, shared by every tab of the shop. */
export interface QueueState extends Bucket {
  /** Oldest first. */
  actions: ActionInput[];
  /** Ids the write that made this state took out (sent or dropped). */
  gone: string[];
  /** No request before this time, epoch ms: a ceiling's wait or a backoff. */
  until: number;
  /** Failed attempts in a row (5xx, 408, no answer). */
  fails: number;
}

export interface ActionQueue {
  read(): QueueState;
  /** Reads, changes and stores the state within one task, if `change`
   * answers truthy; drops what is past the caps or too old. The flusher
   * (the tab holding the flush lock) also records what it took out. */
  update(change: (state: QueueState) => unknown, flusher?: boolean): void;
  add(action: ActionInput): void;
  /** Counts actions given up on; they have left the queue already. */
  dropped(actions: ActionInput[] | undefined, reason?: string): void;
  /** Actions this page added that have not left the queue yet. */
  mine: Map<string, ActionInput>;
  /** False once the queue lives in this page's memory only. */
  readonly shared: boolean;
}

/** A stored state; a missing one, or one not ours, starts empty. */
function parse(state: unknown): QueueState {
  const empty = { actions: [], gone: [], until: 0, fails: 0, tokens: BURST, counted: 0 };
  return isRecord(state) && Array.isArray(state.actions) ? { ...empty, ...state } : empty;
}

/**
 * The durable queue of actions waiting to be sent, in localStorage under
 * `vitrine:<site>:queue`: it survives reloads and closed tabs, and every tab
 * of the shop shares it.
 *
 * localStorage has no transactions, and in Chrome a tab reads its own copy,
 * which another tab's write reaches a moment later: two writes close
 * together can each miss the other's change. Hence:
 * - every write lists what it took out on purpose (`gone`); each tab
 *   remembers what it added (`mine`) and writes back any of those that
 *   vanish otherwise (an action lost);
 * - the flusher records what it took out under `vitrine:<site>:sent` (the
 *   last 500 ids), a key only the flusher writes, so no stale copy can
 *   undo it; what a stale copy writes back is taken out again (an action
 *   that would be sent twice). The next flusher sees all of it, as it
 *   waits for the previous one's lease to clear (flush-lock.ts), written
 *   after: one origin's writes reach a tab in order.
 * What remains is rare (a page hidden while another tab sends its actions,
 * browsers without Web Locks): an action sent twice, stored once. And an id
 * among the last 500 taken out is not queued again: the edge has it, or
 * refused it (a page that resends an action it corrected should give it a
 * new id).
 *
 * What is given up on (queue full, too old, refused by the edge) is counted
 * per reason under `vitrine:<site>:dropped` and logged in debug mode.
 */
export function createActionQueue(
  win: Window,
  store: Store,
  site: string,
  log: Log,
): ActionQueue {
  const key = `vitrine:${site}:queue`;
  const sentKey = `vitrine:${site}:sent`;
  const mine = new Map<string, ActionInput>();
  let shared = true;

  /** The ids the flushers took out, newest last (see `update`). */
  function sent(): unknown[] {
    const ids = store.json(sentKey);
    return Array.isArray(ids) ? ids : [];
  }

  const read = (): QueueState => parse(store.json(key));

  function dropped(actions: ActionInput[] = [], reason = "unknown"): void {
    if (!actions.length) return;
    log("actions dropped", { reason, actions });
    const countKey = `vitrine:${site}:dropped`;
    const counts = store.json(countKey);
    const next = isRecord(counts) ? counts : {};
    next[reason] = (Number(next[reason]) || 0) + actions.length;
    store.set(countKey, JSON.stringify(next));
  }

  function update(change: (state: QueueState) => unknown, flusher = false): void {
    const state = read();
    const before = [...state.actions];
    const done = sent();
    state.actions = state.actions.filter((one) => !done.includes(one.id));
    for (const id of mine.keys()) if (done.includes(id)) mine.delete(id);
    if (!change(state)) return;

    const oldest = Date.now() - (state.fails ? MAX_AGE_FAILING : MAX_AGE);
    const expired: ActionInput[] = [];
    const full: ActionInput[] = [];
    // Written so that an action without a valid time counts as expired.
    state.actions = state.actions.filter((one) => one.at >= oldest || !expired.push(one));
    while (
      state.actions.length > MAX_QUEUED ||
      JSON.stringify(state.actions).length > MAX_QUEUED_CHARS
    ) {
      full.push(...state.actions.splice(0, 1));
    }
    state.gone = before
      .filter((one) => !state.actions.includes(one))
      .map((one) => one.id);
    for (const id of state.gone) mine.delete(id);
    shared = store.set(key, JSON.stringify(state));
    if (flusher && state.gone.length) {
      store.set(sentKey, JSON.stringify([...done, ...state.gone].slice(-MAX_QUEUED)));
    }
    dropped(expired, "expired");
    dropped(full, "queue_full");
  }

  // Another tab wrote the queue, perhaps on a copy that lacked some of
  // ours: put those back.
  win.addEventListener("storage", (event) => {
    // A null key is `localStorage.clear()`, by the host page perhaps.
    if (event.key !== key && event.key !== null) return;
    for (const id of parse(parseJson(event.newValue)).gone) mine.delete(id);
    update((state) => {
      const lost = [...mine.values()].filter(
        (one) => !state.actions.some((queued) => queued.id === one.id),
      );
      state.actions.push(...lost);
      return lost.length;
    });
  });

  return {
    read,
    update,
    dropped,
    mine,
    add(action) {
      mine.set(action.id, action);
      update((state) => state.actions.push(action));
    },
    get shared() {
      return shared;
    },
  };
}
