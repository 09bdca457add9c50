import { Hono } from "hono";
import { serviceWorkerFor } from "../../client/push/sw-source";
import type { AppEnv } from "../http/app-env";

/**
 * `GET /v1/sites/:site/push/sw.js`: Vitrine's service worker code for the
 * site, loaded by the merchant's one-line `vitrine-sw.js` through
 * `importScripts` (which may load from another origin; the service worker
 * file itself must be on the shop's origin). Browsers check an imported
 * script for changes at least daily, so a short cache is enough.
 */
export const pushServiceWorker = new Hono<AppEnv>().get("/", (c) =>
  c.body(serviceWorkerFor(new URL(c.req.url).origin, c.get("site").id), 200, {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  }),
);
