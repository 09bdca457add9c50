import type { MiddlewareHandler } from "hono";
import { cachedSite } from "../sites/site-cache";
import type { AppEnv } from "./app-env";
import { ApiError } from "./errors";
import { ID_RULE, isId } from "./identifiers";

/**
 * Loads the site named in the path and answers CORS for it: only the site's
 * allowed origins get `Access-Control-Allow-Origin`, on successes and errors
 * alike, so a browser can read why a request failed.
 */
export const siteContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  const siteId = c.req.param("site");
  if (!isId(siteId)) {
    throw new ApiError(400, "invalid_request", `site ${ID_RULE}.`, "site");
  }
  const site = await cachedSite(c.env.DB, siteId);
  if (!site) {
    throw new ApiError(404, "site_not_found", `Site "${siteId}" does not exist.`, "site");
  }
  c.set("site", site);

  const allowed = origin !== undefined && site.allowedOrigins.includes(origin);
  if (c.req.method === "OPTIONS") {
    if (!allowed) {
      return c.json(
        {
          error: {
            code: "origin_not_allowed",
            message: `Origin ${origin ?? "(none)"} is not allowed for site "${site.id}". Add it to the site's allowed origins.`,
            field: "origin",
          },
        },
        403,
      );
    }
    return new Response(null, {
      status: 204,
      headers: {
        ...corsHeaders(origin),
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "86400",
      },
    });
  }

  await next();

  if (allowed) {
    for (const [name, value] of Object.entries(corsHeaders(origin))) {
      c.res.headers.set(name, value);
    }
  }
  c.res.headers.append("Vary", "Origin");
};

function corsHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "Retry-After, ETag, X-Request-Id",
  };
}

/** Refuses browser requests from origins the site has not allowed. Server
 * callers send no Origin header and pass. */
export const requireAllowedOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  const site = c.get("site");
  if (origin !== undefined && !site.allowedOrigins.includes(origin)) {
    throw new ApiError(
      403,
      "origin_not_allowed",
      `Origin ${origin} is not allowed for site "${site.id}". Add it to the site's allowed origins.`,
      "origin",
    );
  }
  await next();
};
