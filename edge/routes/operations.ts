import { Hono } from "hono";
import { MAX_BODY_BYTES } from "../actions/limits";
import { storeActions } from "../actions/store";
import { validateBatch } from "../actions/validate";
import type { OperationsResponse } from "../contract";
import type { AppEnv } from "../http/app-env";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { requireAllowedOrigin } from "../http/site-context";
import { requireIntegrationScope } from "../integrations/integration-call";
import { admitBatch } from "../limiter/admit";

/**
 * `POST /v1/sites/:site/operations`: a batch of visitor actions. Each
 * operation has a ceiling of requests a minute; a batch that would cross it
 * is admitted up to the ceiling and the rest is answered as rejected, by id,
 * so the client keeps exactly those. A batch with nothing admitted is a 429.
 */
export const operations = new Hono<AppEnv>().post(
  "/",
  requireAllowedOrigin,
  async (c) => {
    const site = c.get("site");
    const body = await readJson(c, MAX_BODY_BYTES, "send fewer actions per request");
    const now = Date.now();
    const batch = validateBatch(body, now);
    if (!batch.ok) {
      throw new ApiError(
        400,
        "invalid_action",
        `${batch.field} ${batch.message}.`,
        batch.field,
      );
    }
    requireIntegrationScope(c, new Set(batch.value.actions.map((a) => a.operation)));

    const { admitted, rejected, retryAfter } = await admitBatch(
      c.env,
      site,
      batch.value.actions,
    );
    if (admitted.length === 0) {
      const first = rejected[0];
      throw new ApiError(
        429,
        "ceiling_reached",
        `${first?.operation} reached its ceiling of ${first?.ceiling} requests a minute for site "${site.id}". ` +
          `Keep the actions and send them again after ${retryAfter} seconds; do not repeat them at once.`,
        "actions",
        { "Retry-After": String(retryAfter) },
        { operation: first?.operation, ceiling: first?.ceiling, retryAfter },
      );
    }

    const result = await storeActions(c.env.DB, site.id, admitted, now);
    const answer: OperationsResponse = {
      stored: result.stored,
      duplicates: result.duplicates + batch.value.repeats,
      rejected,
    };
    const headers: Record<string, string> = {};
    if (rejected.length > 0) headers["Retry-After"] = String(retryAfter);
    return c.json(answer, 202, headers);
  },
);
