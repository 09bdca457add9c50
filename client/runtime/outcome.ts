import type { ActionInput } from "../../edge/contract";
import { isRecord } from "../../templates/validation";
import { ceilingWait } from "./retry-delay";

/** What to do with a batch once the edge has answered, or not. */
export interface Outcome {
  /** Ids of the batch that stay queued; the others leave the queue. */
  keep: string[];
  /** Those of the batch given up on, and why. */
  dropped?: ActionInput[];
  reason?: string;
  /** No request before this many milliseconds from now. */
  wait?: number;
  /** A 5xx, a 408 or no answer: back off. */
  failed?: boolean;
  /** 413: send smaller batches. */
  split?: boolean;
}

const ACTION_FIELD = /^actions\.(\d+)\./;

/**
 * Reads the edge's answer to `POST /operations` for `batch` (see
 * edge/contract.ts): its status (0 for no answer), its body if it was JSON,
 * and Retry-After in milliseconds (0 when absent).
 */
export function readOutcome(
  batch: ActionInput[],
  status: number,
  body: unknown,
  retryAfter: number,
  now: number,
): Outcome {
  const ids = batch.map((action) => action.id);
  const answer = isRecord(body) ? body : {};

  if (status > 199 && status < 300) {
    // Turned away by a ceiling, by id: keep exactly those.
    const rejected = Array.isArray(answer.rejected) ? answer.rejected : [];
    const keep = ids.filter((id) =>
      rejected.some((one) => isRecord(one) && one.id === id),
    );
    return { keep, wait: keep.length && ceilingWait(retryAfter, now) };
  }
  if (status === 429) return { keep: ids, wait: ceilingWait(retryAfter, now) };
  if (status === 408 || status < 400 || status > 499) {
    return { keep: ids, wait: retryAfter, failed: true };
  }
  if (status === 413 && ids.length > 1) return { keep: ids, split: true };

  // Refused as it is. A 400 names the bad action by index
  // (`actions.3.data.product`): drop that one and send the rest again.
  // Without an index the whole request was refused (403, 404, 415…).
  const error = isRecord(answer.error) ? answer.error : {};
  const bad = batch[Number(ACTION_FIELD.exec(`${error.field}.`)?.[1] ?? -1)];
  return {
    keep: bad ? ids.filter((id) => id !== bad.id) : [],
    dropped: bad ? [bad] : batch,
    reason: typeof error.code === "string" ? error.code : `http_${status}`,
  };
}
