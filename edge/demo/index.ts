/**
 * Green Basket, the demo storefront: a merchant's shop that carries the
 * Vitrine snippet and nothing else of ours. Mounted at /demo; its catalogue
 * is the `demo` site's products in D1 (see edge/seed/seed-statements.ts).
 */
import { type Context, Hono } from "hono";
import { merchantServiceWorker } from "../../client/push/sw-source";
import type { Env } from "../env";
import { productImageSvg } from "../seed/product-image";
import { findProduct, listAisles, productsInAisle } from "./catalog";
import { demoCsp } from "./csp";
import { cartPage } from "./pages/cart";
import { categoryPage } from "./pages/category";
import { homePage } from "./pages/home";
import { notFoundPage } from "./pages/not-found";
import { productPage } from "./pages/product";
import { SHOP_CSS } from "./shop-css";
import { SHOP_JS } from "./shop-js";

export const demo = new Hono<{ Bindings: Env }>();

// Every page of the shop runs under a strict policy (see csp.ts).
demo.use(async (c, next) => {
  await next();
  if (c.res.headers.get("Content-Type")?.startsWith("text/html")) {
    c.res.headers.set("Content-Security-Policy", await demoCsp(origin(c.req.url)));
  }
});

/** The aisle the home page picks its products from, when it exists. */
const FEATURED_AISLE = "Fruit & vegetables";

const origin = (url: string) => new URL(url).origin;

async function home(c: Context<{ Bindings: Env }>) {
  const aisles = await listAisles(c.env.DB);
  const featured = aisles.find((aisle) => aisle.name === FEATURED_AISLE) ?? aisles[0];
  const picks = featured ? await productsInAisle(c.env.DB, featured.name, 8) : [];
  return c.html(homePage(origin(c.req.url), aisles, picks));
}

// Mounted at /demo, "/" matches only "/demo"; "/demo/" reaches the last
// route, which serves the home page for it.
demo.get("/", home);

demo.get("/categories/:slug", async (c) => {
  const aisles = await listAisles(c.env.DB);
  const aisle = aisles.find((each) => each.slug === c.req.param("slug"));
  if (!aisle) return c.html(notFoundPage(origin(c.req.url)), 404);
  const products = await productsInAisle(c.env.DB, aisle.name);
  return c.html(categoryPage(origin(c.req.url), aisle, products));
});

demo.get("/products/:id", async (c) => {
  const product = await findProduct(c.env.DB, c.req.param("id"));
  if (!product) return c.html(notFoundPage(origin(c.req.url)), 404);
  return c.html(productPage(origin(c.req.url), product));
});

demo.get("/cart", (c) => c.html(cartPage(origin(c.req.url))));

demo.get("/images/:file", async (c) => {
  const file = c.req.param("file");
  const product = file.endsWith(".svg")
    ? await findProduct(c.env.DB, file.slice(0, -".svg".length))
    : null;
  if (!product) return c.html(notFoundPage(origin(c.req.url)), 404);
  return c.body(productImageSvg(product), 200, {
    "Content-Type": "image/svg+xml; charset=utf-8",
    // Drawn from the product's id and name, which the demo never changes.
    "Cache-Control": "public, max-age=31536000, immutable",
    // An SVG opened on its own is a document: let it run nothing.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
});

// Short caching: these change while the demo is being worked on.
demo.get("/shop.css", (c) =>
  c.body(SHOP_CSS, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=300",
  }),
);

demo.get("/shop.js", (c) =>
  c.body(SHOP_JS, 200, {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=300",
  }),
);

// The merchant's one-line service worker file (client/push/vitrine-sw.js),
// on the shop's own origin as browsers require; it imports Vitrine's code.
demo.get("/vitrine-sw.js", (c) =>
  c.body(merchantServiceWorker("/v1/sites/demo/push/sw.js"), 200, {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "no-cache",
  }),
);

demo.get("*", (c) => {
  if (c.req.path === "/demo/") return home(c);
  return c.html(notFoundPage(origin(c.req.url)), 404);
});
