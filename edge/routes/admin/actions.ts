import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { ApiError } from "../../http/errors";
import { optionalId, optionalText } from "../../http/query";

interface ActionRow {
  id: string;
  operation: string;
  at: number;
  received_at: number;
  device_id: string | null;
  customer_id: string | null;
  data: string;
}

/** Admin: the latest stored actions, optionally of one device or customer. */
export const adminActions = new Hono<AppEnv>().get("/", async (c) => {
  const query = c.req.query();
  const device = optionalId(query.device, "device");
  const customer = optionalText(query.customer, "customer", 128);
  const limit = Number(query.limit ?? "50");
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ApiError(400, "invalid_request", "limit must be 1 to 500.", "limit");
  }

  const filters = ["site_id = ?"];
  const args: unknown[] = [c.get("site").id];
  if (device) {
    filters.push("device_id = ?");
    args.push(device);
  }
  if (customer) {
    filters.push("customer_id = ?");
    args.push(customer);
  }
  const { results } = await c.env.DB.prepare(
    `SELECT id, operation, at, received_at, device_id, customer_id, data FROM actions
     WHERE ${filters.join(" AND ")} ORDER BY at DESC LIMIT ?`,
  )
    .bind(...args, limit)
    .all<ActionRow>();

  const actions = results.map((row) => ({
    id: row.id,
    operation: row.operation,
    at: row.at,
    receivedAt: row.received_at,
    device: row.device_id,
    customer: row.customer_id,
    data: JSON.parse(row.data) as unknown,
  }));
  return c.json({ actions });
});
