import { Hono } from "hono";
import { validateRecommendationSettings } from "../../../templates/recommendations/settings";
import { isRecord } from "../../../templates/validation";
import type { ProductCard, SiteSettings } from "../../contract";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";
import { recommenders } from "../../recommendations";
import { publicSettings } from "../../sites/site";
import { forWidget } from "../context-query";

const MAX_BODY_BYTES = 16 * 1024;

/** Answer of `POST /admin/widgets/preview`. */
export interface WidgetPreview {
  site: SiteSettings;
  items: ProductCard[];
}

function invalid(code: string, field: string, message: string): ApiError {
  return new ApiError(400, code, `${field} ${message}.`, field);
}

async function productExists(db: D1Database, siteId: string, id: string) {
  const row = await db
    .prepare("SELECT 1 AS found FROM products WHERE site_id = ? AND id = ?")
    .bind(siteId, id)
    .first<{ found: number }>();
  return row !== null;
}

/**
 * Admin: `POST /admin/widgets/preview` with `{settings, product?}` answers
 * the items a product page of `product` would get from a widget with these
 * settings, saved or not: the editor's live preview. The settings pass the
 * template's validation, as a save would; the recommender is the page
 * route's. No shopper is known, so `recently-viewed` has nothing to show.
 */
export const adminWidgetPreview = new Hono<AppEnv>().post("/", async (c) => {
  const body = await readJson(c, MAX_BODY_BYTES);
  if (!isRecord(body)) throw invalid("invalid_request", "body", "must be an object");
  const extra = Object.keys(body).find((key) => !["settings", "product"].includes(key));
  if (extra) {
    throw invalid("invalid_request", extra, "is not a field of a preview request");
  }

  const settings = validateRecommendationSettings(body.settings ?? {}, "settings");
  if (!settings.ok) {
    throw invalid("invalid_settings", settings.field, settings.message);
  }
  const site = c.get("site");
  const product = body.product ?? null;
  if (product !== null && !isId(product)) {
    throw invalid("invalid_request", "product", ID_RULE);
  }
  if (product !== null && !(await productExists(c.env.DB, site.id, product))) {
    throw invalid(
      "unknown_product",
      "product",
      `"${product}" is not a product of the site`,
    );
  }

  const context = { siteId: site.id, product, category: null, cart: [], device: null };
  const recommend = recommenders[settings.value.algorithm];
  const items = await recommend(c.env.DB, forWidget(context, settings.value, Date.now()));
  const answer: WidgetPreview = { site: publicSettings(site), items };
  return c.json(answer);
});
