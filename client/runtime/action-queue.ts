import type { ActionInput } from "../../edge/contract";
import { isRecord } from "../../templates/validation";
import type { Log } from "./logger";
import type { Store } from "./storage";
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
   * answers truthy; drops what is past the caps or too old. */
  update(change: (state: QueueState) => unknown): void;
  add(action: ActionInput): void;
  /** Counts actions given up on; they have left the queue already. */
  dropped(actions: ActionInput[] | undefined, reason?: string): void;
  /** Actions this page added that have not left the queue yet. */
  mine: Map<string, ActionInput>;
  /** False once the queue lives in this page's memory only. */
  readonly shared: boolean;
}

function parse(json: string | null): QueueState {
  const empty = { actions: [], gone: [], until: 0, fails: 0, tokens: BURST, counted: 0 };
  try {
    const state: unknown = JSON.parse(json ?? "");
    if (isRecord(state) && Array.isArray(state.actions)) return { ...empty, ...state };
  } catch {
    // Missing or not ours: start empty.
  }
  return empty;
}

/**
 * The durable queue of actions waiting to be sent, in localStorage under
 * `vitrine:<site>:queue`: it survives reloads and closed tabs, and every tab
 * of the shop shares it.
 *
 * localStorage has no transactions, and in Chrome a tab reads its own copy,
 * which another tab's write reaches a moment later: two writes close
 * together can each miss the other's change. So every write lists what it
 * took out on purpose (`gone`); each tab remembers what it added (`mine`)
 * and writes back any of those that vanish otherwise, and remembers what
 * left, to take out again what a stale copy wrote back (which would be
 * sent twice). What remains is a short window in which a tab acts on a
 * copy a moment old: an action may then be sent twice, and the edge
 * stores it once.
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
  const mine = new Map<string, ActionInput>();
  // Ids this page saw leave the queue, newest last: a copy of one that
  // shows up again was written back by a tab working on a stale copy.
  const left = new Set<string>();
  let shared = true;

  function forget(ids: string[]): void {
    for (const id of ids) {
      mine.delete(id);
      left.add(id);
      if (left.size > MAX_QUEUED * 2) left.delete(left.values().next().value ?? "");
    }
  }

  const read = (): QueueState => parse(store.get(key));

  function dropped(actions: ActionInput[] = [], reason = "unknown"): void {
    if (!actions.length) return;
    log("actions dropped", { reason, actions });
    const countKey = `vitrine:${site}:dropped`;
    let counts: unknown;
    try {
      counts = JSON.parse(store.get(countKey) ?? "");
    } catch {
      // The first drop, or not ours.
    }
    const next = isRecord(counts) ? counts : {};
    next[reason] = (Number(next[reason]) || 0) + actions.length;
    store.set(countKey, JSON.stringify(next));
  }

  function update(change: (state: QueueState) => unknown): void {
    const state = read();
    const before = [...state.actions];
    state.actions = state.actions.filter((one) => !left.has(one.id));
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
    state.gone = before.filter((one) => !state.actions.includes(one)).map((one) => one.id);
    forget(state.gone);
    shared = store.set(key, JSON.stringify(state));
    dropped(expired, "expired");
    dropped(full, "queue_full");
  }

  // Another tab wrote the queue, perhaps on a copy that lacked some of
  // ours: put those back.
  win.addEventListener("storage", (event) => {
    // A null key is `localStorage.clear()`, by the host page perhaps.
    if (event.key !== key && event.key !== null) return;
    forget(parse(event.newValue).gone);
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
