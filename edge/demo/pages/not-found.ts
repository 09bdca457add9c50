import { html } from "hono/html";
import { type Html, layout } from "../layout";

export function notFoundPage(origin: string): Html {
  const body = html`<h1>We could not find that</h1>
<p>The page may have moved, or the product is no longer on our shelves.</p>
<p><a href="/demo/">Back to the shop</a></p>`;

  return layout({ origin, title: "Not found", page: { type: "other" }, body });
}
