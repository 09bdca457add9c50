/** First delay after a failure (5xx, network); doubles with each failure in
 * a row up to {@link MAX_BACKOFF}. */
export const BASE_BACKOFF = 1_000;
export const MAX_BACKOFF = 60_000;
/** The edge counts each operation per calendar minute. Clients told to wait
 * would all come back at :00 sharp; up to this much later spreads them. */
export const MINUTE_JITTER = 5_000;
const MINUTE = 60_000;

/**
 * "Full jitter" exponential backoff: a random delay between 0 and the
 * capped exponential. Spreading retries evenly keeps the visitors of a
 * recovering edge from coming back in waves.
 */
export function backoff(fails: number): number {
  return Math.random() * Math.min(MAX_BACKOFF, BASE_BACKOFF * 2 ** (fails - 1));
}

/**
 * How long to wait after the edge turned actions away for its ceiling:
 * `Retry-After`, but never less than the rest of the minute by our own clock
 * (the rule: ceilings reset per calendar minute and the two clocks
 * may disagree), plus a little jitter.
 */
export function ceilingWait(retryAfter: number, now: number): number {
  return Math.max(retryAfter, MINUTE - (now % MINUTE)) + Math.random() * MINUTE_JITTER;
}
