import { html } from "hono/html";
import type { ProductCard } from "../contract";
import type { Html } from "./layout";
import { formatPrice } from "./price";

/** A product tile of the shop's own lists (not a Vitrine widget). */
export function productCard(product: ProductCard): Html {
  return html`<li class="card">
  <a href="${product.url}">
    <img src="${product.image}" alt="" width="240" height="240" loading="lazy">
    <span class="card-name">${product.name}</span>
  </a>
  <span class="price">${formatPrice(product.price)}</span>
</li>`;
}

export function productGrid(products: ProductCard[]): Html {
  return html`<ul class="grid" role="list">${products.map(productCard)}</ul>`;
}

/** A Vitrine widget placeholder; shop.css reserves its height. */
export function widgetSlot(id: string): Html {
  return html`<div class="slot" data-vitrine-widget="${id}"></div>`;
}
