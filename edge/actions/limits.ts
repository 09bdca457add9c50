/** Limits of the operations endpoint, chosen so that one batch fits in a
 * page-hide beacon (browsers cap keepalive bodies at 64 KiB in total). */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_ACTIONS_PER_BATCH = 100;
export const MAX_DATA_BYTES = 8 * 1024;
export const MAX_LINES = 100;
/** Actions may be replayed from a client's queue, but not from long ago. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Tolerated client clock skew into the future. */
export const MAX_SKEW_MS = 5 * 60 * 1000;
