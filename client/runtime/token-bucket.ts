/**
 * The visitor's token bucket: one token per action sent, so that a page that
 * tracks in a loop cannot flood the edge. Its state lives in the shared
 * queue, so it holds for the visitor across tabs and reloads, not per page.
 */
export const BURST = 30;
export const TOKENS_PER_SECOND = 1;

export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, epoch ms. */
  counted: number;
}

/** Refills the bucket for the time passed and answers the whole tokens. A
 * clock set back refills nothing rather than taking tokens away. */
export function refill(bucket: Bucket, now: number): number {
  const earned = (Math.max(0, now - bucket.counted) / 1000) * TOKENS_PER_SECOND;
  bucket.tokens = Math.min(BURST, bucket.tokens + earned);
  bucket.counted = now;
  return Math.floor(bucket.tokens);
}

/** Milliseconds until the bucket holds `wanted` tokens (at most a burst). */
export function tokenWait(bucket: Bucket, wanted: number): number {
  return ((Math.min(wanted, BURST) - bucket.tokens) * 1000) / TOKENS_PER_SECOND;
}
