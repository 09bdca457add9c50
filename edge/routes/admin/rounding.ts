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
import { findSiteRounding, saveSiteRounding } from "../../promotions/site-rounding";

/**
 * Admin: how the site rounds promotional prices, `{mode, step, scope}`,
 * with the step in units of the site's currency ("0.05"). Promotions may
 * override any of them. `PUT` replaces the settings; a field left out takes
 * its default (half-up, one minor unit, unit).
 */
export const adminRounding = new Hono<AppEnv>()
  .get("/", async (c) => {
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const rounding = await findSiteRounding(c.env.DB, site);
    return c.json({ ...roundingView(rounding, currency), currency: currency.code });
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
    return c.json({ ...roundingView(rounding, currency), currency: currency.code });
  });
