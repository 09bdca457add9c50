import { Hono } from "hono";
import type { ValidAction } from "../actions/action";
import { storeActions } from "../actions/store";
import type { AppEnv } from "../http/app-env";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { requireAllowedOrigin } from "../http/site-context";
import { admitBatch } from "../limiter/admit";
import type { Currency } from "../money/currencies";
import { formatScaled } from "../money/format";
import { siteCurrencyOrThrow } from "../money/site-currency";
import { type CartRequest, validateCartRequest } from "../promotions/cart-request";
import { cartView } from "../promotions/cart-view";
import { type CartLine, priceCart } from "../promotions/price-cart";
import { siteRoundingFromRow, siteRoundingStatement } from "../promotions/site-rounding";
import { livePromotionsStatement, promotionsFromRows } from "../promotions/store";
import type { Site } from "../sites/site";

// 100 items of a long product id and a price fit in well under this.
const MAX_BODY_BYTES = 16 * 1024;

interface ProductRow {
  id: string;
  category: string;
  price_minor: number;
}

/**
 * `POST /v1/sites/:site/operations/CalculateCart`: prices a cart with the
 * site's live promotions and answers at once (200), and records the
 * calculation as a `CalculateCart` action.
 *
 * Prices always come from the site's products: a shopper's browser sends
 * this request, so a price it sends is only checked (a stale price is a
 * 400 naming the item), never used.
 *
 * Order of work: the body is validated first (an invalid request counts
 * against nothing and stores nothing), then the request passes the
 * operation's ceiling (429 when over), and only then is D1 read, so a flood
 * costs the database nothing. A cart naming an unknown product is refused
 * after it was counted.
 */
export const calculateCart = new Hono<AppEnv>().post(
  "/",
  requireAllowedOrigin,
  async (c) => {
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const checked = validateCartRequest(await readJson(c, MAX_BODY_BYTES), currency);
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_cart",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const request = checked.value;
    const now = Date.now();
    const action: ValidAction = {
      id: request.id ?? crypto.randomUUID(),
      operation: "CalculateCart",
      at: now,
      device: request.device,
      customer: request.customer,
      product: null,
      data: {},
      lines: [],
      order: null,
    };

    const admission = await admitBatch(c.env, site, [action]);
    if (admission.admitted.length === 0) throw ceilingReached(site, admission);

    const db = c.env.DB;
    const [products, promotions, rounding] = await db.batch([
      db
        .prepare(
          `SELECT id, category, price_minor FROM products
           WHERE site_id = ? AND id IN (SELECT value FROM json_each(?))`,
        )
        .bind(site.id, JSON.stringify(request.items.map((item) => item.product))),
      livePromotionsStatement(db, site.id, now),
      siteRoundingStatement(db, site.id),
    ]);
    const lines = cartLines(request, (products?.results ?? []) as ProductRow[], currency);
    const priced = priceCart(lines, promotionsFromRows(promotions?.results ?? []), {
      currency: currency.code,
      now,
      rounding: siteRoundingFromRow(rounding?.results[0], site),
    });
    const view = cartView(priced, currency);

    action.data = {
      currency: view.currency,
      items: view.lines.map((line) => ({
        product: line.product,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        final: line.final,
      })),
      promotions: view.promotions.map((promotion) => ({
        id: promotion.id,
        amount: promotion.amount,
      })),
      totals: view.totals,
    };
    const { stored } = await storeActions(db, site.id, [action], now);
    return c.json({ id: action.id, recorded: stored === 1, ...view }, 200);
  },
);

/** The request's items with their stored prices; refuses products the site
 * does not have and prices that differ from the stored ones. */
function cartLines(request: CartRequest, rows: ProductRow[], currency: Currency) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return request.items.map((item): CartLine => {
    const product = byId.get(item.product);
    if (!product) {
      const field = `items.${item.index}.product`;
      throw new ApiError(
        400,
        "unknown_product",
        `${field} "${item.product}" is not a product of this site.`,
        field,
      );
    }
    const stored = BigInt(product.price_minor);
    if (item.price && item.price.value !== stored) {
      const field = `items.${item.price.index}.price`;
      throw new ApiError(
        400,
        "price_mismatch",
        `${field} differs from the product's price, ${formatScaled(stored, currency.exponent)} ${currency.code}; show the current price and send the cart again.`,
        field,
      );
    }
    return {
      product: item.product,
      category: product.category,
      quantity: item.quantity,
      unitPrice: stored,
    };
  });
}

function ceilingReached(
  site: Site,
  { rejected, retryAfter }: Awaited<ReturnType<typeof admitBatch>>,
): ApiError {
  const ceiling = rejected[0]?.ceiling ?? site.operationCeiling;
  return new ApiError(
    429,
    "ceiling_reached",
    `CalculateCart reached its ceiling of ${ceiling} requests a minute for site "${site.id}". ` +
      `Send the cart again after ${retryAfter} seconds; do not repeat it at once.`,
    undefined,
    { "Retry-After": String(retryAfter) },
    { operation: "CalculateCart", ceiling, retryAfter },
  );
}
