import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";

/** The built storefront runtime, as `npm run build` left it in the assets. */
const RUNTIME_PATH = "/runtime/runtime.js";
const CHUNKS_PATH = "/runtime/chunks/";
/** What client/vite.config.ts names a chunk: `<name>-<base36 hash>.js`.
 * Nothing else is served, so no other path of the assets can be reached. */
const CHUNK_FILE = /^[A-Za-z0-9_-]{1,64}-[a-z0-9]{8}\.js$/;

const SCRIPT_HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

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
    headers: { ...SCRIPT_HEADERS, "Cache-Control": "public, max-age=300" },
  });
});

/**
 * `GET /v1/sites/:site/chunks/:file`: a part of the runtime loaded only by
 * pages that need it (Preact, or a template, which imports Preact's chunk). The runtime imports
 * it relative to its own URL, so it lives beside `runtime.js`. A chunk's
 * name carries a hash of its content, so it is cached for a year.
 *
 * Known limit: a build replaces the chunks, while browsers may hold the
 * previous `runtime.js` for five minutes and ask for chunks that are gone
 * (their widgets then stay empty until the next page view). Deployments
 * should keep the previous release's chunks for that long.
 */
export const runtimeChunks = new Hono<AppEnv>().get("/:file", async (c) => {
  const file = c.req.param("file");
  const asset = CHUNK_FILE.test(file)
    ? await c.env.ASSETS.fetch(new URL(`${CHUNKS_PATH}${file}`, c.req.url))
    : undefined;
  if (!asset?.ok) {
    throw new ApiError(
      404,
      "chunk_not_found",
      `No runtime chunk is named "${file}". Chunks are named as the runtime imports them; reload the page for the current runtime.`,
      "file",
    );
  }
  return new Response(asset.body, {
    headers: {
      ...SCRIPT_HEADERS,
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
});
