import { html } from "hono/html";
import { type Html, layout } from "../layout";
import { widgetSlot } from "../product-card";

/** The cart is drawn by shop.js from localStorage: the server never sees it. */
export function cartPage(origin: string): Html {
  const body = html`<h1>Your cart</h1>
<section class="cart" data-cart aria-live="polite">
  <noscript><p>The cart needs JavaScript: it is kept in this browser.</p></noscript>
</section>
${widgetSlot("cart-fbt")}`;

  return layout({ origin, title: "Your cart", page: { type: "cart" }, body });
}
