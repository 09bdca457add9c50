import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";
import { findSite, type Site } from "../../sites/site";
import { forgetSite } from "../../sites/site-cache";

const MAX_CEILING = 1_000_000;
const MAX_ORIGINS = 20;

function view(site: Site) {
  return {
    id: site.id,
    name: site.name,
    locale: site.locale,
    currency: site.currency,
    allowedOrigins: site.allowedOrigins,
    operationCeiling: site.operationCeiling,
  };
}

function invalid(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_settings", `${field} ${message}.`, field);
}

/** Origins as browsers send them: scheme, host and port only, lower case,
 * default ports left out. `HTTP://Shop.example:80` is stored as
 * `http://shop.example`. */
function checkOrigins(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_ORIGINS) {
    throw invalid("allowedOrigins", `must be a list of at most ${MAX_ORIGINS} origins`);
  }
  return value.map((origin, index) => {
    const field = `allowedOrigins.${index}`;
    if (typeof origin !== "string" || !URL.canParse(origin)) {
      throw invalid(field, "must be an origin like https://shop.example");
    }
    const url = new URL(origin);
    if (!["http:", "https:"].includes(url.protocol)) {
      throw invalid(field, "must be an http or https origin like https://shop.example");
    }
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username;
    if (!bare || origin.endsWith("/")) {
      throw invalid(
        field,
        "must be an origin alone, like https://shop.example: no path, query or slash",
      );
    }
    return url.origin;
  });
}

/** Admin: the site's settings. `PATCH` changes only the fields it names. */
export const adminSettings = new Hono<AppEnv>()
  .get("/", (c) => c.json(view(c.get("site"))))
  .patch("/", async (c) => {
    const body = await readJson(c, 8 * 1024);
    if (!isRecord(body)) throw invalid("body", "must be an object");
    const extra = Object.keys(body).find(
      (key) => !["operationCeiling", "allowedOrigins"].includes(key),
    );
    if (extra) throw invalid(extra, "is not a setting that can be changed");

    const site = c.get("site");
    // Only the named fields are written, so two changes made at once (or
    // from isolates holding an older copy of the site) do not undo each
    // other.
    const changes: [string, unknown][] = [];
    if (body.operationCeiling !== undefined) {
      const value = body.operationCeiling;
      if (
        typeof value !== "number" ||
        !Number.isInteger(value) ||
        value < 1 ||
        value > MAX_CEILING
      ) {
        throw invalid(
          "operationCeiling",
          `must be a whole number from 1 to ${MAX_CEILING}`,
        );
      }
      changes.push(["operation_ceiling", value]);
    }
    if (body.allowedOrigins !== undefined) {
      changes.push([
        "allowed_origins",
        JSON.stringify(checkOrigins(body.allowedOrigins)),
      ]);
    }

    if (changes.length > 0) {
      const columns = changes.map(([column]) => `${column} = ?`).join(", ");
      await c.env.DB.prepare(
        `UPDATE sites SET ${columns}, config_version = config_version + 1 WHERE id = ?`,
      )
        .bind(...changes.map(([, value]) => value), site.id)
        .run();
    }
    forgetSite(site.id);
    const updated = await findSite(c.env.DB, site.id);
    return c.json(updated ? view(updated) : null);
  });
