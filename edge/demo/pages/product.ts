import { html } from "hono/html";
import type { ProductCard } from "../../contract";
import { slugify } from "../../seed/slug";
import { type Html, layout } from "../layout";
import { formatPrice } from "../price";
import { widgetSlot } from "../product-card";

export function productPage(origin: string, product: ProductCard): Html {
  const aisle = `/demo/categories/${slugify(product.category)}`;
  // shop.js turns the submit into a line of the localStorage cart, then
  // goes to the cart; the data attributes carry what the line shows.
  const body = html`<nav class="crumbs" aria-label="Breadcrumb">
  <a href="/demo/">Home</a> <span aria-hidden="true">›</span>
  <a href="${aisle}">${product.category}</a> <span aria-hidden="true">›</span>
  <span aria-current="page">${product.name}</span>
</nav>
<article class="product">
  <img class="product-picture" src="${product.image}" alt="${product.name}"
    width="240" height="240">
  <div class="product-info">
    <h1>${product.name}</h1>
    <p class="price price-large">${formatPrice(product.price)}</p>
    <p>In <a href="${aisle}">${product.category}</a></p>
    <form class="add" action="/demo/cart" method="get" data-add-to-cart
      data-id="${product.id}" data-name="${product.name}" data-price="${product.price}"
      data-url="${product.url}" data-image="${product.image}">
      <label for="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" min="1" max="99" value="1"
        inputmode="numeric">
      <button type="submit">Add to cart</button>
    </form>
  </div>
</article>
${widgetSlot("product-fbt")}
${widgetSlot("product-similar")}
${widgetSlot("recently-viewed")}`;

  return layout({
    origin,
    title: product.name,
    page: { type: "product", product: product.id },
    body,
  });
}
