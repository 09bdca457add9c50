import type { ProductCard } from "../../edge/contract";
import { type Currency, findCurrency } from "../../edge/money/currencies";
import { validateCartRequest } from "../../edge/promotions/cart-request";
import { cartView } from "../../edge/promotions/cart-view";
import { type CartLine, priceCart } from "../../edge/promotions/price-cart";
import type { Promotion } from "../../edge/promotions/promotion";
import {
  DEFAULT_ROUNDING,
  type Rounding,
  roundingView,
  validateRounding,
} from "../../edge/promotions/rounding";
import {
  lineWarnings,
  stepWarnings,
  unroundedPromotions,
} from "../../edge/promotions/rounding-warnings";
import { validatePromotion } from "../../edge/promotions/validate";
import { promotionView } from "../../edge/promotions/view";
import { type Call, fakeAdmin, KEY, product, SITE } from "./fake-admin";

const USD = findCurrency("USD") as Currency;

/** A small grocery, prices in cents, best sellers first. */
export const GROCERY: ProductCard[] = [
  { ...product("bread"), name: "Bread", category: "Bakery", price: 250 },
  { ...product("milk"), name: "Milk", category: "Dairy", price: 199 },
  { ...product("cheese"), name: "Cheese", category: "Dairy", price: 450 },
  { ...product("soap"), name: "Soap", category: "Household", price: 999 },
];

/**
 * fakeAdmin with the promotions and rounding routes, in memory. What they
 * check and compute is the edge's own code: validatePromotion and
 * validateRounding for saves, and for the example CalculateCart's
 * validation, priceCart and cartView, glued as the example route glues
 * them (edge/routes/admin/rounding-example.ts, which test/edge drives in
 * workerd). Seed promotions are written as the API takes them.
 */
export function fakePromotionsAdmin(
  options: {
    products?: ProductCard[];
    promotions?: Record<string, Record<string, unknown>>;
    rounding?: Partial<Rounding>;
  } = {},
) {
  const products = options.products ?? GROCERY;
  const base = fakeAdmin({ products });
  const promotions = new Map<string, Promotion>();
  for (const [id, body] of Object.entries(options.promotions ?? {})) {
    const checked = validatePromotion(id, body, USD);
    if (!checked.ok) throw new Error(`${id}: ${checked.field} ${checked.message}`);
    promotions.set(id, checked.value);
  }
  let rounding: Rounding = { ...DEFAULT_ROUNDING, ...options.rounding };
  const calls: Call[] = [];

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const refuse = (code: string, field: string, message: string, status = 400) =>
    json({ error: { code, message: `${field} ${message}.`, field } }, status);
  const cheapest = products.length
    ? BigInt(Math.min(...products.map((each) => each.price)))
    : null;
  const roundingAnswer = () =>
    json({
      ...roundingView(rounding, USD),
      currency: "USD",
      warnings: stepWarnings(rounding.step, cheapest, USD),
    });

  async function request(input: RequestInfo | URL, init: RequestInit = {}) {
    const url = new URL(String(input), "http://editor.test");
    const method = init.method ?? "GET";
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    const path = url.pathname.replace(`/v1/sites/${SITE}/admin`, "");
    calls.push({ method, path: `${path}${url.search}`, body });
    const mine =
      path === "/promotions" ||
      path.startsWith("/promotions/") ||
      path.startsWith("/rounding");
    const auth = new Headers(init.headers).get("authorization");
    if (!mine || auth !== `Bearer ${KEY}`) return base.request(input, init);

    if (path === "/promotions") {
      return json({ promotions: [...promotions.values()].sort(byId).map(promotionView) });
    }
    const id = /^\/promotions\/([^/]+)$/.exec(path)?.[1];
    if (id !== undefined) {
      const known = promotions.get(decodeURIComponent(id));
      if (method === "PUT") {
        const checked = validatePromotion(decodeURIComponent(id), body, USD);
        if (!checked.ok)
          return refuse("invalid_promotion", checked.field, checked.message);
        promotions.set(checked.value.id, checked.value);
        return json(promotionView(checked.value), known ? 200 : 201);
      }
      if (!known) return json({ error: { code: "not_found", message: "No." } }, 404);
      if (method === "DELETE") {
        promotions.delete(known.id);
        return new Response(null, { status: 204 });
      }
      return json(promotionView(known));
    }
    if (path === "/rounding" && method === "GET") return roundingAnswer();
    if (path === "/rounding" && method === "PUT") {
      const checked = validateRounding(body, "", USD);
      if (!checked.ok) return refuse("invalid_rounding", checked.field, checked.message);
      rounding = { ...DEFAULT_ROUNDING, ...checked.value };
      return roundingAnswer();
    }
    if (path === "/rounding/example" && method === "POST") {
      return example(body as { items?: unknown; rounding?: Record<string, unknown> });
    }
    return json({ error: { code: "not_found", message: "No such route." } }, 404);
  }

  function example(body: { items?: unknown; rounding?: Record<string, unknown> }) {
    if (body.rounding?.mode !== undefined) {
      return refuse("invalid_rounding", "rounding.mode", "is not taken");
    }
    const chosen = validateRounding(body.rounding ?? {}, "rounding", USD);
    if (!chosen.ok) return refuse("invalid_rounding", chosen.field, chosen.message);
    const cart = validateCartRequest({ items: body.items }, USD);
    if (!cart.ok) return refuse("invalid_cart", cart.field, cart.message);
    const lines: CartLine[] = [];
    for (const item of cart.value.items) {
      const known = products.find((each) => each.id === item.product);
      if (!known) {
        return refuse("unknown_product", `items.${item.index}.product`, "is unknown");
      }
      lines.push({
        product: known.id,
        category: known.category,
        quantity: item.quantity,
        unitPrice: BigInt(known.price),
      });
    }
    const { step, scope } = { ...rounding, ...chosen.value };
    const all = [...promotions.values()].sort(byId);
    const now = Date.now();
    const priced = (mode: Rounding["mode"], at = step, applied = all) =>
      priceCart(lines, applied, {
        currency: "USD",
        now,
        rounding: { mode, step: at, scope },
      });
    const warned = (mode: Rounding["mode"]) =>
      lineWarnings(priced(mode), priced(mode, 1n, unroundedPromotions(all)), step, USD);
    return json({
      rounding: roundingView({ step, scope }, USD),
      carts: {
        "half-up": cartView(priced("half-up"), USD),
        "half-even": cartView(priced("half-even"), USD),
      },
      warnings: { "half-up": warned("half-up"), "half-even": warned("half-even") },
    });
  }

  return {
    request: request as typeof fetch,
    promotions,
    calls,
    rounding: () => rounding,
  };
}

function byId(a: Promotion, b: Promotion): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
