import type { ValidAction } from "./action";

export interface StoreResult {
  stored: number;
  duplicates: number;
}

/**
 * Stores a validated batch in one D1 transaction: the actions (an id already
 * stored is skipped), then, derived only from the actions this request
 * stored, the order lines of orders and the devices and customers seen.
 * Either all of it is written or none; a duplicate leaves nothing behind.
 *
 * Rows arrive as one JSON parameter unpacked by `json_each`: D1's limit of
 * 100 bound parameters would otherwise split a batch of 100 actions into
 * ten statements.
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
  const lines = actions.flatMap((action) =>
    action.order
      ? action.lines.map((line) => ({
          action: action.id,
          order: action.order,
          product: line.product,
          quantity: line.quantity,
        }))
      : [],
  );
  const ids = JSON.stringify(actions.map((action) => action.id));

  // "Stored by this request": the row's id is in this batch and its
  // received_at is this request's. An id stored earlier keeps its older
  // received_at, so its lines, device and customer are not written again.
  const storedHere = `a.site_id = ?1 AND a.received_at = ?2
    AND a.id IN (SELECT value FROM json_each(?3))`;

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
    // An order reported again under a new action id keeps its first lines.
    db
      .prepare(
        `INSERT INTO order_lines (site_id, order_id, product_id, quantity, at, customer_id)
         SELECT ?1, line.value->>'order', line.value->>'product', line.value->>'quantity',
           a.at, a.customer_id
         FROM json_each(?4) AS line
         JOIN actions a ON a.id = line.value->>'action' AND a.operation = 'Order'
         WHERE ${storedHere}
         ON CONFLICT (site_id, order_id, product_id) DO NOTHING`,
      )
      .bind(siteId, receivedAt, ids, JSON.stringify(lines)),
    db
      .prepare(
        `INSERT INTO devices (site_id, id, customer_id, first_seen, last_seen)
         SELECT ?1, a.device_id, max(a.customer_id), min(a.at), max(a.at)
         FROM actions a
         WHERE ${storedHere} AND a.device_id IS NOT NULL
         GROUP BY a.device_id
         ON CONFLICT (site_id, id) DO UPDATE SET
           customer_id = coalesce(excluded.customer_id, devices.customer_id),
           first_seen = min(devices.first_seen, excluded.first_seen),
           last_seen = max(devices.last_seen, excluded.last_seen)`,
      )
      .bind(siteId, receivedAt, ids),
    db
      .prepare(
        `INSERT INTO customers (site_id, id, first_seen, last_seen)
         SELECT ?1, a.customer_id, min(a.at), max(a.at)
         FROM actions a
         WHERE ${storedHere} AND a.customer_id IS NOT NULL
         GROUP BY a.customer_id
         ON CONFLICT (site_id, id) DO UPDATE SET
           first_seen = min(customers.first_seen, excluded.first_seen),
           last_seen = max(customers.last_seen, excluded.last_seen)`,
      )
      .bind(siteId, receivedAt, ids),
  ];
  const [inserted] = await db.batch(statements);

  const stored = inserted?.meta.changes ?? 0;
  return { stored, duplicates: actions.length - stored };
}
