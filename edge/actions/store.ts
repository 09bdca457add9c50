import type { ValidAction } from "./action";

export interface StoreResult {
  stored: number;
  duplicates: number;
}

/**
 * Stores a validated batch in one D1 transaction: the actions (an id already
 * stored is skipped), the order lines of orders, and the devices and
 * customers seen. Either all of it is written or none.
 *
 * Each table gets one statement whose rows arrive as a single JSON
 * parameter, unpacked by `json_each`: D1's limit of 100 bound parameters
 * would otherwise split a batch of 100 actions into ten statements.
 */
export async function storeActions(
  db: D1Database,
  siteId: string,
  actions: ValidAction[],
  receivedAt: number,
): Promise<StoreResult> {
  const rows = actions.map((action) => ({
    id: action.id,
    operation: action.operation,
    at: action.at,
    device: action.device,
    customer: action.customer,
    product: action.product,
    data: JSON.stringify(action.data),
  }));
  // An order sent again under a new action id keeps its first lines.
  const lines = actions.flatMap((action) =>
    action.order
      ? action.lines.map((line) => ({
          order: action.order,
          product: line.product,
          quantity: line.quantity,
          at: action.at,
          customer: action.customer,
        }))
      : [],
  );

  const statements = [
    db
      .prepare(
        `INSERT INTO actions
           (site_id, id, operation, at, received_at, device_id, customer_id, product_id, data)
         SELECT ?1, value->>'id', value->>'operation', value->>'at', ?2,
           value->>'device', value->>'customer', value->>'product', value->>'data'
         FROM json_each(?3) WHERE true
         ON CONFLICT (site_id, id) DO NOTHING`,
      )
      .bind(siteId, receivedAt, JSON.stringify(rows)),
    ...(lines.length > 0
      ? [
          db
            .prepare(
              `INSERT INTO order_lines (site_id, order_id, product_id, quantity, at, customer_id)
               SELECT ?1, value->>'order', value->>'product', value->>'quantity',
                 value->>'at', value->>'customer'
               FROM json_each(?2) WHERE true
               ON CONFLICT (site_id, order_id, product_id) DO NOTHING`,
            )
            .bind(siteId, JSON.stringify(lines)),
        ]
      : []),
    ...upsertSeen(db, siteId, actions),
  ];
  const [inserted] = await db.batch(statements);

  const stored = inserted?.meta.changes ?? 0;
  return { stored, duplicates: actions.length - stored };
}

/** First and last time each device and customer of the batch was seen. */
function seenRange(actions: ValidAction[], key: "device" | "customer") {
  const range = new Map<
    string,
    { id: string; first: number; last: number; customer: string | null }
  >();
  for (const action of actions) {
    const id = action[key];
    if (!id) continue;
    const known = range.get(id);
    range.set(id, {
      id,
      first: Math.min(known?.first ?? action.at, action.at),
      last: Math.max(known?.last ?? action.at, action.at),
      customer: action.customer ?? known?.customer ?? null,
    });
  }
  return [...range.values()];
}

function upsertSeen(db: D1Database, siteId: string, actions: ValidAction[]) {
  const devices = seenRange(actions, "device");
  const customers = seenRange(actions, "customer");
  return [
    ...(devices.length > 0
      ? [
          db
            .prepare(
              `INSERT INTO devices (site_id, id, customer_id, first_seen, last_seen)
               SELECT ?1, value->>'id', value->>'customer', value->>'first', value->>'last'
               FROM json_each(?2) WHERE true
               ON CONFLICT (site_id, id) DO UPDATE SET
                 customer_id = coalesce(excluded.customer_id, devices.customer_id),
                 first_seen = min(devices.first_seen, excluded.first_seen),
                 last_seen = max(devices.last_seen, excluded.last_seen)`,
            )
            .bind(siteId, JSON.stringify(devices)),
        ]
      : []),
    ...(customers.length > 0
      ? [
          db
            .prepare(
              `INSERT INTO customers (site_id, id, first_seen, last_seen)
               SELECT ?1, value->>'id', value->>'first', value->>'last'
               FROM json_each(?2) WHERE true
               ON CONFLICT (site_id, id) DO UPDATE SET
                 first_seen = min(customers.first_seen, excluded.first_seen),
                 last_seen = max(customers.last_seen, excluded.last_seen)`,
            )
            .bind(siteId, JSON.stringify(customers)),
        ]
      : []),
  ];
}
