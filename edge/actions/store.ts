import { insertRows } from "../db/insert-rows";
import type { ValidAction } from "./action";

export interface StoreResult {
  stored: number;
  duplicates: number;
}

/**
 * Stores a validated batch in one D1 transaction: the actions (an id already
 * stored is skipped), the order lines of orders, and the devices and
 * customers seen. Either all of it is written or none.
 */
export async function storeActions(
  db: D1Database,
  siteId: string,
  actions: ValidAction[],
  receivedAt: number,
): Promise<StoreResult> {
  const actionStatements = insertRows(
    db,
    "INSERT INTO actions (site_id, id, operation, at, received_at, device_id, customer_id, product_id, data)",
    actions.map((action) => [
      siteId,
      action.id,
      action.operation,
      action.at,
      receivedAt,
      action.device,
      action.customer,
      action.product,
      JSON.stringify(action.data),
    ]),
    "ON CONFLICT (site_id, id) DO NOTHING",
  );

  // An order sent again under a new action id keeps its first lines.
  const lines = actions.flatMap((action) =>
    action.lines.length > 0 && action.order
      ? action.lines.map((line) => [
          siteId,
          action.order,
          line.product,
          line.quantity,
          action.at,
          action.customer,
        ])
      : [],
  );
  const lineStatements = insertRows(
    db,
    "INSERT INTO order_lines (site_id, order_id, product_id, quantity, at, customer_id)",
    lines,
    "ON CONFLICT (site_id, order_id, product_id) DO NOTHING",
  );

  const statements = [
    ...actionStatements,
    ...lineStatements,
    ...upsertDevices(db, siteId, actions),
    ...upsertCustomers(db, siteId, actions),
  ];
  const results = await db.batch(statements);

  const stored = results
    .slice(0, actionStatements.length)
    .reduce((sum, result) => sum + result.meta.changes, 0);
  return { stored, duplicates: actions.length - stored };
}

function seenRange(actions: ValidAction[], key: "device" | "customer") {
  const range = new Map<
    string,
    { first: number; last: number; customer: string | null }
  >();
  for (const action of actions) {
    const id = action[key];
    if (!id) continue;
    const known = range.get(id);
    range.set(id, {
      first: Math.min(known?.first ?? action.at, action.at),
      last: Math.max(known?.last ?? action.at, action.at),
      customer: action.customer ?? known?.customer ?? null,
    });
  }
  return range;
}

function upsertDevices(db: D1Database, siteId: string, actions: ValidAction[]) {
  const rows = [...seenRange(actions, "device")].map(([id, seen]) => [
    siteId,
    id,
    seen.customer,
    seen.first,
    seen.last,
  ]);
  return insertRows(
    db,
    "INSERT INTO devices (site_id, id, customer_id, first_seen, last_seen)",
    rows,
    `ON CONFLICT (site_id, id) DO UPDATE SET
       customer_id = coalesce(excluded.customer_id, devices.customer_id),
       first_seen = min(devices.first_seen, excluded.first_seen),
       last_seen = max(devices.last_seen, excluded.last_seen)`,
  );
}

function upsertCustomers(db: D1Database, siteId: string, actions: ValidAction[]) {
  const rows = [...seenRange(actions, "customer")].map(([id, seen]) => [
    siteId,
    id,
    seen.first,
    seen.last,
  ]);
  return insertRows(
    db,
    "INSERT INTO customers (site_id, id, first_seen, last_seen)",
    rows,
    `ON CONFLICT (site_id, id) DO UPDATE SET
       first_seen = min(customers.first_seen, excluded.first_seen),
       last_seen = max(customers.last_seen, excluded.last_seen)`,
  );
}
