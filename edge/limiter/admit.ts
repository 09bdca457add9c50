import type { ValidAction } from "../actions/action";
import type { Env } from "../env";
import { ApiError } from "../http/errors";
import type { Site } from "../sites/site";
import type { Admission } from "./operation-limiter";

export interface RejectedAction {
  id: string;
  operation: string;
  ceiling: number;
  retryAfter: number;
}

export interface BatchAdmission {
  admitted: ValidAction[];
  rejected: RejectedAction[];
  /** Seconds to wait before sending the rejected actions again. */
  retryAfter: number;
}

/**
 * Asks each operation's limiter, all at once, to admit that operation's
 * actions of the batch. Each action counts as one request. Within an
 * operation the earlier actions of the batch are admitted first.
 */
export async function admitBatch(
  env: Env,
  site: Site,
  actions: ValidAction[],
): Promise<BatchAdmission> {
  const byOperation = new Map<string, ValidAction[]>();
  for (const action of actions) {
    const group = byOperation.get(action.operation) ?? [];
    group.push(action);
    byOperation.set(action.operation, group);
  }

  const decisions = await Promise.all(
    [...byOperation].map(async ([operation, group]) => ({
      group,
      admission: await ask(env, site, operation, group.length),
    })),
  );

  const result: BatchAdmission = { admitted: [], rejected: [], retryAfter: 0 };
  for (const { group, admission } of decisions) {
    result.admitted.push(...group.slice(0, admission.admitted));
    for (const action of group.slice(admission.admitted)) {
      result.rejected.push({
        id: action.id,
        operation: action.operation,
        ceiling: admission.ceiling,
        retryAfter: admission.retryAfter,
      });
      result.retryAfter = Math.max(result.retryAfter, admission.retryAfter);
    }
  }
  return result;
}

async function ask(
  env: Env,
  site: Site,
  operation: string,
  count: number,
): Promise<Admission> {
  const limiter = env.LIMITER.get(env.LIMITER.idFromName(`${site.id}:${operation}`));
  try {
    return await limiter.admit(site.id, operation, count, site.operationCeiling);
  } catch {
    // An overloaded or restarting object: the request was not counted, so
    // the client may send it again shortly.
    throw new ApiError(
      503,
      "limiter_unavailable",
      `The request counter for ${operation} is busy. Keep the actions and send them again after Retry-After seconds.`,
      undefined,
      { "Retry-After": "1" },
    );
  }
}
