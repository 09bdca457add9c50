import { PAGE_TYPES, type PageType } from "../../edge/contract";

/** What the current page shows, as the shop declares it. */
export interface PageContext {
  type: PageType;
  product?: string;
  category?: string;
  /** Product ids in the cart; a repeated id means a quantity above one. */
  cart: string[];
}

/**
 * Reads the first `[data-vitrine-page]` element:
 * `data-vitrine-page` (home|category|product|cart|other),
 * `data-vitrine-product`, `data-vitrine-category` and
 * `data-vitrine-cart` (comma-separated product ids).
 */
export function readPageContext(doc: Document): PageContext {
  const element = doc.querySelector("[data-vitrine-page]");
  return pageContext({
    type: element?.getAttribute("data-vitrine-page"),
    product: element?.getAttribute("data-vitrine-product"),
    category: element?.getAttribute("data-vitrine-category"),
    cart: element?.getAttribute("data-vitrine-cart"),
  });
}

/**
 * Normalises a context from markup or from `vitrine('page', {...})`: an
 * unknown type becomes `other`, the cart may be a list or a comma list.
 */
export function pageContext(input: Record<string, unknown>): PageContext {
  const type = PAGE_TYPES.find((known) => known === input.type) ?? "other";
  const product = text(input.product);
  const category = text(input.category);
  const list = Array.isArray(input.cart)
    ? input.cart
    : String(input.cart ?? "").split(",");
  const cart = list.map(text).filter((id): id is string => id !== undefined);

  return {
    type,
    ...(product && { product }),
    ...(category && { category }),
    cart,
  };
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  return String(value).trim() || undefined;
}
