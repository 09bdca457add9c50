import type { ActionInput } from "../../edge/contract";
import { createActionQueue } from "./action-queue";
import { createFlushLock } from "./flush-lock";
import type { Log } from "./logger";
import { type Outcome, readOutcome } from "./outcome";
import { backoff } from "./retry-delay";
import type { Store } from "./storage";
import { refill, tokenWait } from "./token-bucket";

/** Most actions the edge takes in one request. */
export const MAX_BATCH = 100;
/** Most bytes of one request body; the edge takes 64 KiB. */
export const MAX_BODY = 60_000;
/** Browsers refuse keepalive requests once the bodies of those in flight
 * would pass 64 KiB per page; page-hide flushes stay under this. */
export const KEEPALIVE_BUDGET = 64_000;
/** A request still unanswered by then counts as failed (and frees the lock). */
export const REQUEST_TIMEOUT = 30_000;
/** A stored wait longer than this was set before a clock change. */
const MAX_WAIT = 3_600_000;

export interface Sender {
  /** Queues one action; it leaves with the next batch, a moment later. */
  add(action: ActionInput): void;
  /** Sends what is queued, as far as the lock, the bucket and waits allow. */
  flush(): void;
}

export interface SenderOptions {
  win: Window;
  /** `<edge>/v1/sites/<site>/operations` */
  endpoint: string;
  site: string;
  request: typeof fetch;
  store: Store;
  log: Log;
  /** Defaults to `navigator.locks`, where there is one. */
  locks?: LockManager | null;
}

/**
 * Sends the durable queue's actions to `POST /operations`, oldest first, in
 * batches of at most 100 actions and 60 KB:
 * - 202: they leave the queue, except those `rejected` by a ceiling, which
 *   stay, and the queue waits as for a 429;
 * - 429: all stay; no request before Retry-After, nor before the next
 *   minute by our own clock. The whole queue waits, not only the
 *   operation that hit its ceiling: simpler, and kinder to an edge that
 *   is turning requests away;
 * - 5xx, 408, no answer, timeout: all stay; exponential backoff with full
 *   jitter, at least Retry-After (see retry-delay.ts);
 * - 413: smaller batches from then on; a lone action is dropped;
 * - other 4xx: the action a 400 names by index is dropped and the rest sent
 *   again at once; without an index the whole batch is dropped.
 * Each action sent takes a token from the visitor's bucket; without tokens,
 * actions wait in the queue. One tab sends at a time (see flush-lock.ts).
 *
 * When the page is hidden or left, its own actions go out at once with
 * `fetch(…, {keepalive: true})`, within the keepalive budget. They stay
 * queued until acknowledged: if the page dies first, the next page view
 * sends them again and the edge stores them once. (Old Firefox ignores
 * keepalive and cancels them; the next page view covers that too.)
 */
export function createSender(options: SenderOptions): Sender {
  const { win, endpoint, request, log } = options;
  const queue = createActionQueue(win, options.store, options.site, log);
  const lock = createFlushLock(
    `vitrine:${options.site}:flush`,
    options.store,
    options.locks === undefined ? win.navigator.locks : options.locks,
  );
  const encoder = new TextEncoder();
  const body = (batch: ActionInput[]) => JSON.stringify({ actions: batch });
  const bytes = (text: string) => encoder.encode(text).length;
  // Ids in this page's requests that have not been answered yet.
  const inflight = new Set<string>();
  let keepaliveBytes = 0;
  let limit = MAX_BATCH;
  let holding = false;
  let busy = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  }

  /** Takes the next batch that the waits, the bucket and `room` bytes
   * allow, and spends its tokens. `own`: only this page's actions. When
   * nothing may go yet, schedules a flush for when something may. */
  function take(own: boolean, room: number): ActionInput[] {
    const now = Date.now();
    let batch: ActionInput[] = [];
    queue.update((state) => {
      const wait = state.until - now;
      const ready = state.actions.filter(
        (one) => !inflight.has(one.id) && (!own || queue.mine.has(one.id)),
      );
      if (wait > 0 && wait < MAX_WAIT) return schedule(wait);

      batch = ready.slice(0, Math.min(limit, refill(state, now)));
      while (bytes(body(batch)) > room) batch.pop();
      if (ready.length && !batch.length) schedule(tokenWait(state, ready.length));
      state.tokens -= batch.length;
      return batch.length;
    }, holding);
    return batch;
  }

  async function send(batch: ActionInput[], keepalive: boolean): Promise<void> {
    const ids = batch.map((one) => one.id);
    const text = body(batch);
    const size = keepalive ? bytes(text) : 0;
    let outcome: Outcome = readOutcome(batch, 0, 0, 0, 0);
    for (const id of ids) inflight.add(id);
    keepaliveBytes += size;
    try {
      const response = await request(endpoint, {
        method: "POST",
        // text/plain keeps this a CORS simple request: no preflight.
        headers: { "Content-Type": "text/plain" },
        body: text,
        credentials: "omit",
        keepalive,
        signal: AbortSignal.timeout?.(REQUEST_TIMEOUT),
      });
      const answer: unknown = await response.json().catch(() => 0);
      const retryAfter = Number(response.headers.get("Retry-After")) * 1000 || 0;
      outcome = readOutcome(batch, response.status, answer, retryAfter, Date.now());
    } catch (error) {
      log("actions not sent", error);
    }
    for (const id of ids) inflight.delete(id);
    keepaliveBytes -= size;
    if (outcome.split) limit = ids.length >> 1;

    queue.update((state) => {
      state.actions = state.actions.filter(
        (one) => !ids.includes(one.id) || outcome.keep.includes(one.id),
      );
      state.fails = outcome.failed ? state.fails + 1 : 0;
      const wait = Math.max(outcome.wait ?? 0, outcome.failed ? backoff(state.fails) : 0);
      state.until = Math.max(state.until, Date.now() + wait);
      return true;
    }, holding);
    queue.dropped(outcome.dropped, outcome.reason);
  }

  /** Sends batch after batch while this tab holds the lock. */
  async function drain(): Promise<void> {
    holding = true;
    try {
      for (
        let batch = take(false, MAX_BODY);
        batch.length;
        batch = take(false, MAX_BODY)
      ) {
        await send(batch, false);
      }
    } catch (error) {
      log("flush failed", error);
    }
    holding = false;
  }

  function flush(): void {
    // One flush at a time per page; a call meanwhile runs one more after.
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    // A queue in this page's memory is nobody else's: no lock.
    (queue.shared ? lock.run(drain) : drain())
      // Web Locks refused (an opaque origin): send unlocked.
      .catch(drain)
      .then((wait) => {
        busy = false;
        if (wait) schedule(wait);
        else if (again) {
          again = false;
          flush();
        }
      });
  }

  function hide(): void {
    // Another tab may be sending the rest: only ours, unless we hold the lock.
    const next = () =>
      take(!holding, Math.min(MAX_BODY, KEEPALIVE_BUDGET - keepaliveBytes));
    for (let batch = next(); batch.length; batch = next()) {
      void send(batch, true).then(flush);
    }
  }

  /** A page load, or the browser back online: a failure's backoff is over
   * (a ceiling's wait is not), and what earlier pages left goes out too. */
  function retry(): void {
    queue.update((state) => {
      if (state.fails) state.until = 0;
      return state.fails;
    });
    schedule(0);
  }

  win.addEventListener("pagehide", () => {
    hide();
    // Gone mid-flush: the next page view need not wait for the lease.
    if (holding) lock.release();
  });
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") hide();
  });
  win.addEventListener("online", retry);
  retry();

  return {
    add(action) {
      let copy: ActionInput;
      try {
        // Frozen as it is now, whatever the page does with its object later.
        copy = JSON.parse(JSON.stringify(action));
      } catch (error) {
        log("actions dropped", error);
        return;
      }
      if (bytes(body([copy])) > MAX_BODY) queue.dropped([copy], "too_large");
      else {
        queue.add(copy);
        schedule(0);
      }
    },
    flush,
  };
}
