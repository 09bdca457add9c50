import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { checkAppReport } from "../push/device-report";
import { storeDeviceReport } from "../push/device-store";

/**
 * Admin: `PUT /admin/push/app-devices/:device` registers a mobile app's
 * device: `{platform: "ios"|"android", token, permission?, customer?,
 * details?}`; 204. It takes the site's secret key, so it is meant for the
 * merchant's app backend, which relays its apps' tokens: an app must never
 * carry the secret key itself, since it opens the whole admin API.
 */
export const pushAppDevices = new Hono<AppEnv>().put("/:device", async (c) => {
  const checked = checkAppReport(c.req.param("device"), await readJson(c, 8 * 1024));
  if (!checked.ok) {
    throw new ApiError(
      400,
      "invalid_device",
      `${checked.field} ${checked.message}.`,
      checked.field,
    );
  }
  const { customer, ...report } = checked.value;
  await storeDeviceReport(c.env.DB, c.get("site").id, report, customer, Date.now());
  return c.body(null, 204);
});
