/**
 * The demo shop's stylesheet, served at /demo/shop.css: the merchant's look,
 * not Vitrine's (widgets carry their own styles in shadow roots).
 */
export const SHOP_CSS = `:root {
  --green: #2f7d32;
  --green-dark: #1e5a22;
  --leaf: #eaf4e4;
  --ink: #1f2a1f;
  --muted: #5b665b;
  --line: #dfe6da;
  --paper: #fbfcf8;
  color: var(--ink);
  background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; min-width: 320px; }
img { max-width: 100%; height: auto; display: block; }
a { color: var(--green-dark); }
a:focus-visible, button:focus-visible, input:focus-visible {
  outline: 3px solid #f2a900;
  outline-offset: 2px;
}
h1, h2 { line-height: 1.2; }
h1 { font-size: clamp(1.5rem, 4vw, 2.25rem); margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 16px; }
.muted { color: var(--muted); }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 16px; top: 8px; background: #fff; padding: 8px; z-index: 1; }

.top { background: var(--green); color: #fff; }
.top-bar {
  display: flex;
  align-items: center;
  justify-content: space-between;
  min-height: 56px;
  gap: 16px;
}
.top a { color: #fff; text-decoration: none; font-weight: 600; }
.brand { font-size: 1.25rem; letter-spacing: 0.01em; }
.cart-count {
  display: inline-block; min-width: 1.6em; padding: 0 0.4em; margin-left: 4px;
  border-radius: 999px; background: #fff; color: var(--green-dark); text-align: center;
}
.bottom {
  margin-top: 48px;
  padding: 24px 0;
  border-top: 1px solid var(--line);
  color: var(--muted);
  font-size: 0.875rem;
}

.hero {
  margin: 24px 0; padding: clamp(24px, 5vw, 48px);
  border-radius: 16px; background: var(--leaf);
}
.hero p { margin: 0; max-width: 40em; color: var(--muted); }

.aisles, .grid, .cart-lines { list-style: none; margin: 0; padding: 0; }
.aisles {
  display: grid;
  gap: 8px;
  grid-template-columns: repeat(auto-fill, minmax(136px, 1fr));
}
.aisles a {
  display: flex; flex-direction: column; height: 100%; padding: 12px 14px;
  border: 1px solid var(--line); border-radius: 10px; background: #fff;
  font-weight: 600; text-decoration: none;
}
.aisles a:hover { border-color: var(--green); }
.aisles .muted { font-weight: 400; font-size: 0.875rem; }

.grid {
  display: grid;
  gap: 16px;
  grid-template-columns: repeat(auto-fill, minmax(128px, 1fr));
}
.card { display: flex; flex-direction: column; gap: 4px; }
.card a { color: var(--ink); text-decoration: none; }
.card img { border-radius: 10px; width: 100%; }
.card-name { display: block; margin-top: 6px; font-weight: 600; }
.price { font-weight: 700; color: var(--green-dark); }
.price-large { font-size: 1.5rem; margin: 0.25rem 0; }

.crumbs { margin-top: 16px; font-size: 0.875rem; color: var(--muted); }
.product { display: grid; gap: 24px; margin-top: 8px; }
.product-picture { width: 100%; max-width: 360px; border-radius: 16px; }
.add { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 16px; }
.add input {
  width: 4.5em;
  padding: 10px 8px;
  font: inherit;
  border: 1px solid var(--line);
  border-radius: 8px;
}
.add button {
  padding: 12px 24px; border: 0; border-radius: 999px; cursor: pointer;
  background: var(--green); color: #fff; font: inherit; font-weight: 700;
}
.add button:hover { background: var(--green-dark); }
@media (min-width: 720px) {
  .product { grid-template-columns: minmax(240px, 360px) 1fr; align-items: start; }
}

.cart-line {
  display: grid; gap: 8px 12px; align-items: center; padding: 12px 0;
  grid-template-columns: 64px 1fr auto; border-bottom: 1px solid var(--line);
}
.cart-line img { border-radius: 8px; grid-row: span 2; }
.cart-name { font-weight: 600; }
.qty { display: inline-flex; align-items: center; gap: 8px; }
.qty output { min-width: 2ch; text-align: center; }
.qty-button {
  width: 32px; height: 32px; border: 1px solid var(--line); border-radius: 50%;
  background: #fff; font: inherit; cursor: pointer;
}
.link-button {
  border: 0;
  background: none;
  padding: 0;
  color: var(--green-dark);
  text-decoration: underline;
  font: inherit;
  cursor: pointer;
  justify-self: end;
}
.cart-total { font-size: 1.25rem; text-align: right; }

/* Vitrine widget placeholders. Each keeps its room before the widget
   renders, so nothing below moves when it does. The recommendation widget
   is 360px tall at every width (WIDGET_HEIGHT in
   templates/recommendations/styles.ts); this must follow it. */
[data-vitrine-widget] { min-height: 360px; margin: 32px 0; }
`;
