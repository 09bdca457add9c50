import type { Operation } from "../../edge/contract";
import type { PageContext } from "./page-context";

export interface PageAction {
  operation: Operation;
  data: Record<string, unknown>;
}

/** The actions one page view records by itself, before any `track` call. */
export function pageActions(context: PageContext, url: string): PageAction[] {
  const actions: PageAction[] = [
    { operation: "ViewPage", data: { url, type: context.type } },
  ];
  if (context.type === "product" && context.product) {
    actions.push({ operation: "ViewProduct", data: { product: context.product } });
  }
  if (context.type === "category" && context.category) {
    actions.push({ operation: "ViewCategory", data: { category: context.category } });
  }
  if (context.type === "cart") {
    actions.push({ operation: "SetCart", data: { items: cartItems(context.cart) } });
  }
  return actions;
}

function cartItems(cart: string[]): { product: string; quantity: number }[] {
  const quantities = new Map<string, number>();
  for (const product of cart) quantities.set(product, (quantities.get(product) ?? 0) + 1);
  return [...quantities].map(([product, quantity]) => ({ product, quantity }));
}
