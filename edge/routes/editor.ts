import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";

/** Where preview/vite.config.ts builds the editor inside the assets. */
const BASE = "/editor/";
/** Vite's output for scripts and styles: `assets/<name>-<hash>.<ext>`. */
const HASHED_ASSET = /^assets\/[A-Za-z0-9_.-]{1,100}\.(js|css|svg|png|woff2)$/;

/**
 * The editor holds the site's secret key: nothing but its own files may
 * run in it, no other site may frame it, and its requests go to this
 * origin only. The demo page it previews in is framed from here ('self').
 */
const HTML_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-cache",
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/**
 * `GET /editor/…`: the marketer's editor (preview/), as `npm run build`
 * left it in the assets. Hashed files are cached for a year; every other
 * path is the single-page app's index.html, so that a reload or a shared
 * link of `/editor/widgets/<id>` opens that widget.
 */
export const editor = new Hono<AppEnv>().get("*", async (c) => {
  const path = c.req.path;
  if (path === "/editor") return c.redirect(BASE, 308);

  const file = path.slice(BASE.length);
  if (file.startsWith("assets/")) {
    const asset = HASHED_ASSET.test(file)
      ? await c.env.ASSETS.fetch(new URL(path, c.req.url))
      : undefined;
    if (!asset?.ok) {
      throw new ApiError(
        404,
        "not_found",
        `The editor has no file "${file}". Reload the editor for the current build.`,
      );
    }
    const headers = new Headers(asset.headers);
    headers.set("Cache-Control", "public, max-age=31536000, immutable");
    headers.set("X-Content-Type-Options", "nosniff");
    return new Response(asset.body, { headers });
  }

  // The assets binding answers a folder's index.html at the folder's path.
  const index = await c.env.ASSETS.fetch(new URL(BASE, c.req.url));
  if (!index.ok) {
    throw new ApiError(
      503,
      "editor_not_built",
      "The editor has not been built. Run `npm run build` and restart.",
    );
  }
  return new Response(index.body, { headers: HTML_HEADERS });
});
