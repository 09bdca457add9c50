import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { CartView } from "../../edge/promotions/cart-view";
import { addProducts, call, createSite } from "./support";

export function admin(siteId: string, key: string, path: string, init: RequestInit = {}) {
  return call(`/v1/sites/${siteId}/admin${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${key}`,
      "Content-Type": "application/json",
      ...init.headers,
    },
  });
}

export async function putPromotion(
  siteId: string,
  key: string,
  id: string,
  body: Record<string, unknown>,
) {
  const response = await admin(siteId, key, `/promotions/${id}`, {
    method: "PUT",
    body: JSON.stringify({ name: id, ...body }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

export async function putRounding(siteId: string, key: string, body: unknown) {
  const response = await admin(siteId, key, "/rounding", {
    method: "PUT",
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

export function calculate(
  siteId: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(`/v1/sites/${siteId}/operations/CalculateCart`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export type CartAnswer = CartView & { id: string; recorded: boolean };

/** Prices a cart and answers the 200 body. */
export async function priced(siteId: string, body: unknown): Promise<CartAnswer> {
  const response = await calculate(siteId, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CartAnswer;
}

/** A grocery with four products (prices in minor units) in `currency`. */
export async function grocery(siteId: string, currency = "USD") {
  const site = await createSite(siteId);
  if (currency !== "USD") {
    await env.DB.prepare("UPDATE sites SET currency = ? WHERE id = ?")
      .bind(currency, siteId)
      .run();
  }
  await addProducts(siteId, [
    { id: "milk", category: "Dairy", price: 199 },
    { id: "cheese", category: "Dairy", price: 450 },
    { id: "bread", category: "Bakery", price: 250 },
    { id: "soap", category: "Household", price: 999 },
  ]);
  return site;
}

/** Checks what must hold for every answer: each line is its base minus its
 * discounts, the lines add up to the total, and the promotions' amounts add
 * up to the total discount. */
export function expectConsistent(cart: CartAnswer): void {
  let final = 0;
  for (const line of cart.lines) {
    const taken = line.discounts.reduce((sum, discount) => sum + discount.amount, 0);
    expect(line.base).toBe(line.unitPrice * line.quantity);
    expect(line.base - taken).toBe(line.final);
    expect(line.final).toBeGreaterThanOrEqual(0);
    expect(line.final).toBeLessThanOrEqual(line.base);
    final += line.final;
  }
  expect(final).toBe(cart.totals.final);
  expect(cart.totals.base - cart.totals.discount).toBe(cart.totals.final);
  const promoted = cart.promotions.reduce((sum, promotion) => sum + promotion.amount, 0);
  expect(promoted).toBe(cart.totals.discount);
}
