import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { ApiError } from "../../http/errors";
import { optionalText } from "../../http/query";
import { searchProducts } from "../../products/search";

const MAX_LIMIT = 100;

/** Admin: `GET /admin/products?q=&limit=`, the site's products whose name
 * or id contains `q`, best sellers of the last 30 days first. The editor's
 * product picker uses it. */
export const adminProducts = new Hono<AppEnv>().get("/", async (c) => {
  const query = c.req.query();
  const q = optionalText(query.q?.trim(), "q", 100) ?? "";
  const limit = Number(query.limit ?? "20");
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ApiError(
      400,
      "invalid_request",
      `limit must be a whole number from 1 to ${MAX_LIMIT}.`,
      "limit",
    );
  }
  const products = await searchProducts(
    c.env.DB,
    c.get("site").id,
    { query: q, limit },
    Date.now(),
  );
  return c.json({ products });
});
