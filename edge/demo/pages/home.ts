import { html } from "hono/html";
import type { ProductCard } from "../../contract";
import type { Aisle } from "../catalog";
import { type Html, layout } from "../layout";
import { productGrid, widgetSlot } from "../product-card";

export function homePage(origin: string, aisles: Aisle[], picks: ProductCard[]): Html {
  const body = html`<section class="hero">
  <h1>Fresh groceries, from our aisles to your door</h1>
  <p>Fruit and vegetables, bread, dairy and everyday essentials at honest prices.</p>
</section>
<section aria-labelledby="aisles-title">
  <h2 id="aisles-title">Shop by aisle</h2>
  <ul class="aisles" role="list">${aisles.map(
    (aisle) => html`<li><a href="/demo/categories/${aisle.slug}">${aisle.name}
      <span class="muted">${aisle.count} products</span></a></li>`,
  )}</ul>
</section>
${widgetSlot("home-bestsellers")}
<section aria-labelledby="picks-title">
  <h2 id="picks-title">Fresh this week</h2>
  ${productGrid(picks)}
</section>
${widgetSlot("recently-viewed")}`;

  return layout({ origin, title: "Fresh groceries", page: { type: "home" }, body });
}
