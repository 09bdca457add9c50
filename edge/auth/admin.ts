import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { hashSecret } from "./secret";

/**
 * Admin routes take `Authorization: Bearer <secret key>`. A key belongs to
 * one site and opens only that site's routes.
 */
export const requireAdminKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(
      401,
      "unauthorized",
      "Send the site's secret key as `Authorization: Bearer <key>`.",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine"' },
    );
  }

  const key = await c.env.DB.prepare(
    "SELECT site_id FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL",
  )
    .bind(await hashSecret(match[1]))
    .first<{ site_id: string }>();
  if (!key) {
    throw new ApiError(
      401,
      "unauthorized",
      "This secret key is unknown or revoked. Use a current key of the site.",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine", error="invalid_token"' },
    );
  }
  if (key.site_id !== c.get("site").id) {
    throw new ApiError(
      403,
      "forbidden",
      "This secret key belongs to another site. Use a key of this site.",
      "authorization",
    );
  }
  await next();
};
