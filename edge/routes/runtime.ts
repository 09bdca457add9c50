import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";

/** The built storefront runtime, as `npm run build` left it in the assets. */
const RUNTIME_PATH = "/runtime/runtime.js";

/** `GET /v1/sites/:site/runtime.js`. The URL is not versioned, so it is
 * cached briefly: a new release reaches every shop within five minutes. */
export const runtime = new Hono<AppEnv>().get("/", async (c) => {
  const asset = await c.env.ASSETS.fetch(new URL(RUNTIME_PATH, c.req.url));
  if (!asset.ok) {
    throw new ApiError(
      503,
      "runtime_not_built",
      "The storefront runtime has not been built. Run `npm run build` and restart.",
    );
  }
  return new Response(asset.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
