import { Hono } from "hono";
import { siteDevices } from "../../customers/device-list";
import type { AppEnv } from "../../http/app-env";
import { badRequest } from "../../http/errors";
import { currentVapidPublicKey } from "../../push/vapid-keys";

/** Admin: `GET /admin/devices?kind=web|mobile&limit=`, the site's devices
 * that reported a push state, most recently reported first, with their
 * technical details and whether a push can reach them. */
export const adminDevices = new Hono<AppEnv>().get("/", async (c) => {
  const query = c.req.query();
  const kind = query.kind ?? "web";
  if (kind !== "web" && kind !== "mobile")
    throw badRequest("kind", "must be web or mobile");
  const limit = Number(query.limit ?? "50");
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw badRequest("limit", "must be a whole number from 1 to 200");
  }
  const siteId = c.get("site").id;
  const key = await currentVapidPublicKey(c.env.DB, siteId);
  const devices = await siteDevices(c.env.DB, siteId, kind, limit, key, Date.now());
  return c.json({ devices });
});
