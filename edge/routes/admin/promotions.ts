import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";
import { siteCurrencyOrThrow } from "../../money/site-currency";
import {
  deletePromotion,
  findPromotion,
  listPromotions,
  MAX_PROMOTIONS,
  savePromotion,
} from "../../promotions/store";
import { validatePromotion } from "../../promotions/validate";
import { promotionView } from "../../promotions/view";

const MAX_BODY_BYTES = 8 * 1024;

function promotionId(value: string): string {
  if (!isId(value)) throw new ApiError(400, "invalid_request", `id ${ID_RULE}.`, "id");
  return value;
}

/** Admin: the site's promotions. `PUT` creates (201) or replaces (200), so
 * a retried save is harmless. Amounts are decimal strings in the site's
 * currency. */
export const adminPromotions = new Hono<AppEnv>()
  .get("/", async (c) => {
    const promotions = await listPromotions(c.env.DB, c.get("site").id);
    return c.json({ promotions: promotions.map(promotionView) });
  })
  .get("/:id", async (c) => {
    const id = promotionId(c.req.param("id"));
    const promotion = await findPromotion(c.env.DB, c.get("site").id, id);
    if (!promotion) throw notFound(`Promotion "${id}"`);
    return c.json(promotionView(promotion));
  })
  .put("/:id", async (c) => {
    const id = promotionId(c.req.param("id"));
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const checked = validatePromotion(id, await readJson(c, MAX_BODY_BYTES), currency);
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_promotion",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const outcome = await savePromotion(c.env.DB, site.id, checked.value, Date.now());
    if (outcome === "full") {
      throw new ApiError(
        409,
        "too_many_promotions",
        `Site "${site.id}" already has ${MAX_PROMOTIONS} promotions; delete one before adding another.`,
        "id",
      );
    }
    return c.json(promotionView(checked.value), outcome === "created" ? 201 : 200);
  })
  .delete("/:id", async (c) => {
    const id = promotionId(c.req.param("id"));
    if (!(await deletePromotion(c.env.DB, c.get("site").id, id))) {
      throw notFound(`Promotion "${id}"`);
    }
    return c.body(null, 204);
  });
