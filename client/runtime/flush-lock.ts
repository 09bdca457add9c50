import { randomId } from "./random-id";
import type { Store } from "./storage";

/** One flusher at a time among the tabs of a shop. */
export interface FlushLock {
  /** Runs `task` as the flusher. Resolves once it has run, or with the
   * milliseconds after which to ask again when another tab is flushing. */
  run(task: () => Promise<void>): Promise<number>;
  /** Gives the lease up at once (the page is going away mid-flush). */
  release(): void;
}

/** How long a lease lasts: a tab that dies flushing delays the others
 * this long at most. */
export const LEASE = 60_000;
/** How often a tab looks again while another holds the lease. */
export const LEASE_POLL = 1_000;
/** How often a new Web Locks holder looks for its predecessor's release. */
export const HANDOVER_POLL = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The flusher holds a lease in localStorage, `vitrine:<site>:flush` =
 * "<tab id> <expiry>", cleared when it is done, and only the flusher writes
 * that key.
 *
 * With the Web Locks API the browser also queues the tabs for the lock
 * and frees it when its tab closes, so a tab simply waits its turn (rather
 * than giving up with `ifAvailable`, which could leave an action it just
 * added unsent until some later event). But Chrome hands the lock over
 * before the previous holder's last localStorage writes have reached the
 * next tab, which would then send what was just acknowledged. Its lease,
 * cleared by its last write, says when they have: writes of one origin's
 * storage reach a tab in order. So the new holder waits for it.
 *
 * Without Web Locks (Safari before 15.4) the lease alone stands in. It is
 * best effort: two tabs can take a free lease in the same instant. Either
 * way an action may be sent twice, which the edge stores once.
 */
export function createFlushLock(
  name: string,
  store: Store,
  locks: LockManager | null | undefined,
): FlushLock {
  const me = randomId();

  /** Takes the lease if it is free, or answers when it lapses. */
  function lease(): number {
    const now = Date.now();
    const [owner, expiry] = (store.get(name) ?? "").split(" ");
    const left = Number(expiry) - now;
    // A lease further away than LEASE was taken before a clock change.
    if (owner && owner !== me && left > 0 && left <= LEASE) return left;
    store.set(name, `${me} ${now + LEASE}`);
    return 0;
  }

  function release(): void {
    if (store.get(name)?.startsWith(`${me} `)) store.set(name, "");
  }

  async function run(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } finally {
      release();
    }
  }

  return {
    release,
    run: locks
      ? (task) =>
          locks
            .request(name, async () => {
              while (lease() > 0) await sleep(HANDOVER_POLL);
              await run(task);
            })
            .then(() => 0)
      : async (task) => {
          const left = lease();
          if (left > 0) return Math.min(left, LEASE_POLL);
          await run(task);
          return 0;
        },
  };
}
