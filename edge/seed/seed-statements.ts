/**
 * Turns the Groceries baskets (edge/seed/data/groceries.csv) into the SQL
 * that loads the demo shop into D1: a catalogue, a month of orders, the
 * widgets.
 *
 * The files of edge/seed are pure and deterministic, with no Node or Workers
 * API, so the same modules run in the workerd tests, in the Node seed script
 * and in the worker (which draws the product pictures). Only the baskets are
 * real data; categories, prices, pictures, customers, devices and order times
 * are generated from hashes of the names and basket positions.
 */
import { parseBaskets } from "./baskets";
import { buildCatalog } from "./catalog";
import { demoCommunicationsStatements } from "./demo-communications";
import { demoIntegrationStatements } from "./demo-integrations";
import { demoPopupStatements } from "./demo-popups";
import { demoSegmentStatements } from "./demo-segments";
import { DEMO_WIDGETS } from "./demo-widgets";
import { buildOrders } from "./orders";
import { insertStatements } from "./sql";

export interface SeedOptions {
  /** Epoch milliseconds; orders fall in the 30 days before it. */
  now: number;
  siteId: string;
  /** Exact origins the site's CORS answers, e.g. "http://127.0.0.1:8787". */
  allowedOrigins: string[];
  /** `hashSecret()` of the admin key; the key itself is never stored. */
  adminSecretHash: string;
}

export const DEMO_SITE_NAME = "Green Basket (demo)";

/** Every statement that loads the demo shop into an empty, migrated
 * database, without trailing semicolons. Same input, same statements. */
export function seedStatements(csv: string, options: SeedOptions): string[] {
  const { now, siteId } = options;
  const baskets = parseBaskets(csv);
  const products = buildCatalog(baskets);
  const orders = buildOrders(baskets, now);

  // First and last order per customer, which is also their device's span.
  const seen = new Map<string, { device: string; first: number; last: number }>();
  for (const order of orders) {
    const known = seen.get(order.customer);
    if (!known) {
      seen.set(order.customer, { device: order.device, first: order.at, last: order.at });
      continue;
    }
    known.first = Math.min(known.first, order.at);
    known.last = Math.max(known.last, order.at);
  }
  const customers = [...seen].sort(([a], [b]) => a.localeCompare(b));

  return [
    ...insertStatements(
      "sites",
      ["id", "name", "allowed_origins", "locale", "currency", "created_at"],
      [
        [
          siteId,
          DEMO_SITE_NAME,
          JSON.stringify(options.allowedOrigins),
          "en-US",
          "USD",
          now,
        ],
      ],
    ),
    ...insertStatements(
      "api_keys",
      ["id", "site_id", "name", "secret_hash", "created_at"],
      [[`${siteId}-admin`, siteId, "Demo admin key", options.adminSecretHash, now]],
    ),
    ...insertStatements(
      "products",
      ["site_id", "id", "name", "category", "price_minor", "url", "image_url"],
      products.map((p) => [siteId, p.id, p.name, p.category, p.price, p.url, p.image]),
    ),
    ...insertStatements(
      "customers",
      ["site_id", "id", "first_seen", "last_seen"],
      customers.map(([id, span]) => [siteId, id, span.first, span.last]),
    ),
    ...insertStatements(
      "devices",
      ["site_id", "id", "customer_id", "first_seen", "last_seen"],
      customers.map(([id, span]) => [siteId, span.device, id, span.first, span.last]),
    ),
    ...insertStatements(
      "actions",
      [
        "site_id",
        "id",
        "operation",
        "at",
        "received_at",
        "device_id",
        "customer_id",
        "product_id",
        "data",
      ],
      orders.map((order) => [
        siteId,
        `seed-${order.id}`,
        "Order",
        order.at,
        order.at,
        order.device,
        order.customer,
        null,
        JSON.stringify({ order: order.id, items: order.lines }),
      ]),
    ),
    ...insertStatements(
      "order_lines",
      ["site_id", "order_id", "product_id", "quantity", "at", "customer_id"],
      orders.flatMap((order) =>
        order.lines.map((line) => [
          siteId,
          order.id,
          line.product,
          line.quantity,
          order.at,
          order.customer,
        ]),
      ),
    ),
    ...insertStatements(
      "widgets",
      ["site_id", "id", "name", "template", "settings", "created_at", "updated_at"],
      DEMO_WIDGETS.map((w) => [
        siteId,
        w.id,
        w.settings.title,
        "recommendations",
        JSON.stringify(w.settings),
        now,
        now,
      ]),
    ),
    ...demoIntegrationStatements(siteId, now, orders),
    ...demoSegmentStatements(siteId, now, orders),
    ...demoCommunicationsStatements(siteId, now),
    ...demoPopupStatements(siteId, now),
  ];
}
