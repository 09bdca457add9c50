import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { createSecret, hashSecret } from "../../edge/auth/secret";

export const SHOP_ORIGIN = "https://shop.example";

/** Creates a site with an admin key; answers the plain key. */
export async function createSite(
  id: string,
  options: { origins?: string[] } = {},
): Promise<{ id: string; key: string }> {
  const key = createSecret();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO sites (id, name, allowed_origins, created_at) VALUES (?, ?, ?, ?)",
    ).bind(
      id,
      `Shop ${id}`,
      JSON.stringify(options.origins ?? [SHOP_ORIGIN]),
      Date.now(),
    ),
    env.DB.prepare(
      "INSERT INTO api_keys (id, site_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
    ).bind(`key-${id}`, id, "test", await hashSecret(key), Date.now()),
  ]);
  return { id, key };
}

export async function addProducts(
  siteId: string,
  products: { id: string; category: string; price?: number }[],
): Promise<void> {
  await env.DB.batch(
    products.map((product) =>
      env.DB.prepare(
        "INSERT INTO products (site_id, id, name, category, price_minor, url, image_url) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).bind(
        siteId,
        product.id,
        `Product ${product.id}`,
        product.category,
        product.price ?? 199,
        `/products/${product.id}`,
        `/images/${product.id}.svg`,
      ),
    ),
  );
}

/** Sends a request through the worker's own fetch handler. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://edge.example${path}`, init));
}

let sequence = 0;
/** A unique, valid action id. */
export function actionId(): string {
  sequence += 1;
  return `act-${Date.now().toString(36)}-${sequence.toString().padStart(6, "0")}`;
}

export function postActions(
  siteId: string,
  actions: unknown[],
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(`/v1/sites/${siteId}/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ actions }),
  });
}

export async function countRows(sql: string, ...args: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Sends a request to one of the site's admin routes with its key. */
export function admin(
  siteId: string,
  key: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  return call(`/v1/sites/${siteId}/admin${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${key}`,
      "Content-Type": "application/json",
      ...init.headers,
    },
  });
}
