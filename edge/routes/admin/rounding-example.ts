import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";
import type { RoundingMode } from "../../money/round";
import { siteCurrencyOrThrow } from "../../money/site-currency";
import { validateCartRequest } from "../../promotions/cart-request";
import { type CartView, cartView } from "../../promotions/cart-view";
import { type CartLine, priceCart } from "../../promotions/price-cart";
import { type Rounding, roundingView, validateRounding } from "../../promotions/rounding";
import {
  type LineWarning,
  lineWarnings,
  unroundedPromotions,
} from "../../promotions/rounding-warnings";
import {
  siteRoundingFromRow,
  siteRoundingStatement,
} from "../../promotions/site-rounding";
import { livePromotionsStatement, promotionsFromRows } from "../../promotions/store";

// The same bound as CalculateCart's: 100 items of a long id fit well under.
const MAX_BODY_BYTES = 16 * 1024;

/** Answer of `POST /admin/rounding/example`. */
export interface RoundingExample {
  /** The step and scope both pricings used. */
  rounding: ReturnType<typeof roundingView>;
  /** The cart priced with each mode, as CalculateCart answers it. */
  carts: Record<RoundingMode, CartView>;
  /** Per mode, the lines rounding moves by more than half of their price
   * or makes free: a step too coarse for cheap products. */
  warnings: Record<RoundingMode, LineWarning[]>;
}

interface ProductRow {
  id: string;
  category: string;
  price_minor: number;
}

/**
 * Admin: `POST /admin/rounding/example` with `{items: [{product,
 * quantity?}], rounding?: {step?, scope?}}` prices the cart twice, half-up
 * and half-even, as CalculateCart would price it now: the site's stored
 * prices and live promotions, through the same priceCart. A step or scope
 * left out is the site's saved one. The back office shows it beside the
 * rounding setting, with the settings being edited, before they are saved.
 *
 * The items are checked by CalculateCart's own validation (1 to 100 items,
 * quantities 1 to 999, a 400 naming the field). Nothing is recorded and no
 * ceiling is counted: this is the merchant trying settings, not a shopper's
 * cart.
 *
 * `warnings` names, per mode, the lines the step makes free or moves by
 * more than half of their price unrounded (the same cart priced with every
 * step at one minor unit): a step of 10 is right for yen, not for milk at
 * 1.99, and the merchant should see that before saving it.
 */
export const adminRoundingExample = new Hono<AppEnv>().post("/", async (c) => {
  const site = c.get("site");
  const currency = siteCurrencyOrThrow(site);
  const body = await readJson(c, MAX_BODY_BYTES);
  if (!isRecord(body)) {
    throw invalid("invalid_request", "body", "must be an object with an items list");
  }
  const extra = Object.keys(body).find((key) => !["items", "rounding"].includes(key));
  if (extra) throw invalid("invalid_request", extra, "is not a field of the example");

  const { rounding = {} } = body;
  if (isRecord(rounding) && rounding.mode !== undefined) {
    throw invalid(
      "invalid_rounding",
      "rounding.mode",
      "is not taken: the example prices the cart both ways",
    );
  }
  const chosen = validateRounding(rounding, "rounding", currency);
  if (!chosen.ok) throw invalid("invalid_rounding", chosen.field, chosen.message);

  // Prices are the stored ones; one sent would be checked by CalculateCart's
  // validation and then ignored, so it is refused instead.
  const priced = Array.isArray(body.items)
    ? body.items.findIndex((item) => isRecord(item) && item.price !== undefined)
    : -1;
  if (priced >= 0) {
    throw invalid(
      "invalid_cart",
      `items.${priced}.price`,
      "is not taken: the example prices at the site's stored prices",
    );
  }
  const cart = validateCartRequest({ items: body.items }, currency);
  if (!cart.ok) throw invalid("invalid_cart", cart.field, cart.message);
  const items = cart.value.items;

  const db = c.env.DB;
  const now = Date.now();
  const [products, promotions, saved] = await db.batch([
    db
      .prepare(
        `SELECT id, category, price_minor FROM products
         WHERE site_id = ? AND id IN (SELECT value FROM json_each(?))`,
      )
      .bind(site.id, JSON.stringify(items.map((item) => item.product))),
    livePromotionsStatement(db, site.id, now),
    siteRoundingStatement(db, site.id),
  ]);
  const byId = new Map(
    ((products?.results ?? []) as ProductRow[]).map((row) => [row.id, row]),
  );
  const lines = items.map((item): CartLine => {
    const product = byId.get(item.product);
    if (!product) {
      throw invalid(
        "unknown_product",
        `items.${item.index}.product`,
        `"${item.product}" is not a product of this site`,
      );
    }
    return {
      product: item.product,
      category: product.category,
      quantity: item.quantity,
      unitPrice: BigInt(product.price_minor),
    };
  });

  const { step, scope } = {
    ...siteRoundingFromRow(saved?.results[0], site),
    ...chosen.value,
  };
  const live = promotionsFromRows(promotions?.results ?? []);
  const priceWith = (mode: RoundingMode, step: bigint, promotions = live) => {
    const rounding: Rounding = { mode, step, scope };
    return priceCart(lines, promotions, { currency: currency.code, now, rounding });
  };
  const exact = unroundedPromotions(live);
  const [halfUp, halfEven] = [priceWith("half-up", step), priceWith("half-even", step)];
  const answer: RoundingExample = {
    rounding: roundingView({ step, scope }, currency),
    carts: {
      "half-up": cartView(halfUp, currency),
      "half-even": cartView(halfEven, currency),
    },
    warnings: {
      "half-up": lineWarnings(halfUp, priceWith("half-up", 1n, exact), step, currency),
      "half-even": lineWarnings(
        halfEven,
        priceWith("half-even", 1n, exact),
        step,
        currency,
      ),
    },
  };
  return c.json(answer);
});

function invalid(code: string, field: string, message: string): ApiError {
  return new ApiError(400, code, `${field} ${message}.`, field);
}
