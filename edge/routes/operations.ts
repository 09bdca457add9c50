import { Hono } from "hono";
import { MAX_BODY_BYTES } from "../actions/limits";
import { storeActions } from "../actions/store";
import { validateBatch } from "../actions/validate";
import type { OperationsResponse } from "../contract";
import type { AppEnv } from "../http/app-env";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { requireAllowedOrigin } from "../http/site-context";

/** `POST /v1/sites/:site/operations`: a batch of visitor actions. */
export const operations = new Hono<AppEnv>().post(
  "/",
  requireAllowedOrigin,
  async (c) => {
    const site = c.get("site");
    const body = await readJson(c, MAX_BODY_BYTES);
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

    const result = await storeActions(c.env.DB, site.id, batch.value, now);
    return c.json<OperationsResponse>(result, 202);
  },
);
