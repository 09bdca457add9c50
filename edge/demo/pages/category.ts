import { html } from "hono/html";
import type { ProductCard } from "../../contract";
import type { Aisle } from "../catalog";
import { type Html, layout } from "../layout";
import { productGrid, widgetSlot } from "../product-card";

export function categoryPage(
  origin: string,
  aisle: Aisle,
  products: ProductCard[],
): Html {
  const body = html`<nav class="crumbs" aria-label="Breadcrumb">
  <a href="/demo/">Home</a> <span aria-hidden="true">›</span>
  <span aria-current="page">${aisle.name}</span>
</nav>
<h1>${aisle.name}</h1>
<p class="muted">${aisle.count} products</p>
${productGrid(products)}
${widgetSlot("home-bestsellers")}`;

  return layout({
    origin,
    title: aisle.name,
    page: { type: "category", category: aisle.name },
    body,
  });
}
