import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { ApiError } from "../../http/errors";
import { optionalId } from "../../http/query";
import { HEALTH_WINDOW_MS } from "../../integrations/health";
import { INTEGRATION_OPERATIONS } from "../../integrations/integration";
import {
  findRecords,
  integrationHealth,
  RECORD_RETENTION_MS,
  rejectionsPerMinute,
  type StatusFilter,
} from "../../integrations/monitoring";
import { listIntegrations } from "../../integrations/store";

const DAY_MS = 24 * 60 * 60 * 1000;

function bad(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_request", `${field} ${message}.`, field);
}

function time(value: string | undefined, field: string): number | null {
  if (value === undefined || value === "") return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) {
    throw bad(field, "must be a time in epoch milliseconds");
  }
  return number;
}

function statusFilter(value: string | undefined): StatusFilter | null {
  if (value === undefined || value === "") return null;
  if (["2xx", "4xx", "5xx", "error"].includes(value)) return value as StatusFilter;
  const code = Number(value);
  if (/^\d{3}$/.test(value) && code >= 100 && code <= 599) return code;
  throw bad("status", "must be 2xx, 4xx, 5xx, error or a status such as 403");
}

/** Admin: what the site's integrations did, from the call records, and
 * the ceiling's rejections per minute. */
export const adminIntegrationMonitoring = new Hono<AppEnv>()
  .get("/records", async (c) => {
    const query = c.req.query();
    const operation = query.operation || null;
    if (operation && !INTEGRATION_OPERATIONS.includes(operation as never)) {
      throw bad("operation", `must be one of: ${INTEGRATION_OPERATIONS.join(", ")}`);
    }
    const limit = Number(query.limit ?? "50");
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw bad("limit", "must be 1 to 200");
    }
    const from = time(query.from, "from");
    const to = time(query.to, "to");
    if (from !== null && to !== null && from >= to) throw bad("to", "must be after from");
    const found = await findRecords(c.env.DB, c.get("site").id, {
      integration: optionalId(query.integration, "integration"),
      operation,
      status: statusFilter(query.status),
      from,
      to,
      limit,
    });
    return c.json({ ...found, retentionDays: RECORD_RETENTION_MS / DAY_MS });
  })
  .get("/health", async (c) => {
    const site = c.get("site");
    const integrations = await listIntegrations(c.env.DB, site.id);
    const health = await integrationHealth(c.env.DB, site.id, integrations, Date.now());
    return c.json({ windowMinutes: HEALTH_WINDOW_MS / 60_000, integrations: health });
  })
  .get("/rejections", async (c) => {
    const query = c.req.query();
    const now = Date.now();
    const from = time(query.from, "from") ?? now - DAY_MS;
    const to = time(query.to, "to") ?? now + 60_000;
    if (from >= to) throw bad("to", "must be after from");
    const minutes = await rejectionsPerMinute(c.env.DB, c.get("site").id, from, to);
    return c.json({ from, to, minutes });
  });
