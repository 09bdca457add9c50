import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { requireAllowedOrigin } from "../http/site-context";
import { checkSubscriptionChange, checkWebReport } from "../push/device-report";
import { replaceSubscription, storeDeviceReport } from "../push/device-store";
import { siteVapidKeys } from "../push/vapid-keys";

const MAX_BODY_BYTES = 8 * 1024;

/**
 * The storefront's push routes:
 * - `GET /push/key`: `{publicKey}`, the site's VAPID public key that
 *   browsers subscribe with (created on first use);
 * - `POST /push/devices`: a device's permission, subscription and details,
 *   sent by the runtime whenever one of them changes; 204.
 * - `POST /push/subscription-change`: `{previousEndpoint, subscription,
 *   vapidKey}` from the service worker when the browser replaced a
 *   subscription (it knows no device id, so the old endpoint names the
 *   device); 204, or 404 when no device has that endpoint.
 *
 * Known limit: like `/operations`, the device report is not authenticated:
 * anyone who knows a device id can report for it. What they can change is
 * that device's push state only, and endpoints are limited to the known
 * push services, so the edge cannot be made to call other hosts.
 */
export const pushDevices = new Hono<AppEnv>()
  .get("/key", async (c) => {
    const keys = await siteVapidKeys(c.env.DB, c.get("site").id);
    return c.json({ publicKey: keys.publicKey }, 200, { "Cache-Control": "no-cache" });
  })
  .post("/devices", requireAllowedOrigin, async (c) => {
    const checked = checkWebReport(await readJson(c, MAX_BODY_BYTES));
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_device",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    await storeDeviceReport(c.env.DB, c.get("site").id, checked.value, null, Date.now());
    return c.body(null, 204);
  })
  .post("/subscription-change", requireAllowedOrigin, async (c) => {
    const checked = checkSubscriptionChange(await readJson(c, MAX_BODY_BYTES));
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_subscription_change",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const replaced = await replaceSubscription(
      c.env.DB,
      c.get("site").id,
      checked.value,
      Date.now(),
    );
    if (!replaced) {
      throw new ApiError(
        404,
        "unknown_subscription",
        "No device of the site has previousEndpoint; the page reports the new subscription on its next view.",
        "previousEndpoint",
      );
    }
    return c.body(null, 204);
  });
