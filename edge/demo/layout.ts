/** The page shell every demo page shares: head, header, footer, and the
 * Vitrine snippet, pasted the way a merchant would. */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { PageType } from "../contract";
import { DEMO_SITE } from "./catalog";
import { snippetFor } from "./snippet";

/** A green dot, inline: the shop has no favicon file to serve. */
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 2'%3E" +
  "%3Ccircle cx='1' cy='1' r='1' fill='%232f7d32'/%3E%3C/svg%3E";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What the page shows, declared on `<main>` for the Vitrine runtime. */
export interface PageDeclaration {
  type: PageType;
  product?: string;
  category?: string;
}

function attribute(name: string, value: string | undefined): Html | "" {
  return value === undefined ? "" : html` ${raw(name)}="${value}"`;
}

export function layout(options: {
  /** Origin of the request: locally the worker serves both the shop and the
   * runtime, so the snippet loads the runtime from the shop's own origin. */
  origin: string;
  title: string;
  page: PageDeclaration;
  body: Html;
}): Html {
  const { page } = options;
  const runtime = `${options.origin}/v1/sites/${DEMO_SITE}/runtime.js`;
  // The cart lives in the shop's localStorage; shop.js fills this in.
  const cart = page.type === "cart" ? attribute("data-vitrine-cart", "") : "";
  const product = attribute("data-vitrine-product", page.product);
  const category = attribute("data-vitrine-category", page.category);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Green Basket</title>
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="/demo/shop.css">
${raw(snippetFor(runtime))}
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top">
  <div class="wrap top-bar">
    <a class="brand" href="/demo/">Green Basket</a>
    <a class="cart-link" href="/demo/cart">Cart
      <span class="cart-count" data-cart-count>0</span></a>
  </div>
</header>
<main id="content" class="wrap" data-vitrine-page="${page.type}"${product}${category}${cart}>
${options.body}
</main>
<footer class="bottom">
  <div class="wrap">
    <p>Green Basket is a demo shop. Its baskets are real: the Groceries data set
    (Hahsler, Hornik and Reutterer, 2006). Prices, aisles and pictures are made up.</p>
  </div>
</footer>
<script src="/demo/shop.js"></script>
</body>
</html>`;
}
