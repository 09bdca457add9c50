import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";
import { siteCurrencyOrThrow } from "../../money/site-currency";
import {
  DEFAULT_ROUNDING,
  type Rounding,
  roundingView,
  validateRounding,
} from "../../promotions/rounding";
import { stepWarnings } from "../../promotions/rounding-warnings";
import {
  saveSiteRounding,
  siteRoundingFromRow,
  siteRoundingStatement,
} from "../../promotions/site-rounding";

/**
 * Admin: how the site rounds promotional prices, `{mode, step, scope}`,
 * with the step in units of the site's currency ("0.05"). Promotions may
 * override any of them. `PUT` replaces the settings; a field left out takes
 * its default (half-up, one minor unit, unit).
 *
 * Both answer `warnings`: when the step is larger than the site's cheapest
 * product, words saying so. A coarse step is saved all the same: 10 is
 * right for yen or big tickets; the merchant is told, not refused.
 */
export const adminRounding = new Hono<AppEnv>()
  .get("/", async (c) => {
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const db = c.env.DB;
    const [saved, cheapest] = await db.batch([
      siteRoundingStatement(db, site.id),
      cheapestProductStatement(db, site.id),
    ]);
    const rounding = siteRoundingFromRow(saved?.results[0], site);
    return c.json({
      ...roundingView(rounding, currency),
      currency: currency.code,
      warnings: stepWarnings(
        rounding.step,
        cheapestFromRow(cheapest?.results[0]),
        currency,
      ),
    });
  })
  .put("/", async (c) => {
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const checked = validateRounding(await readJson(c, 1024), "", currency);
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_rounding",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const rounding: Rounding = { ...DEFAULT_ROUNDING, ...checked.value };
    await saveSiteRounding(c.env.DB, site, rounding, Date.now());
    const cheapest = await cheapestProductStatement(c.env.DB, site.id).first();
    return c.json({
      ...roundingView(rounding, currency),
      currency: currency.code,
      warnings: stepWarnings(rounding.step, cheapestFromRow(cheapest), currency),
    });
  });

/** The statement reading a site's cheapest product price, minor units
 * (null without products): one MIN over the site's products. */
function cheapestProductStatement(db: D1Database, siteId: string) {
  return db
    .prepare("SELECT MIN(price_minor) AS cheapest FROM products WHERE site_id = ?")
    .bind(siteId);
}

function cheapestFromRow(row: unknown): bigint | null {
  const cheapest = (row as { cheapest: number | null } | null | undefined)?.cheapest;
  return cheapest === null || cheapest === undefined ? null : BigInt(cheapest);
}
