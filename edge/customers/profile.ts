import { currentVapidPublicKey } from "../push/vapid-keys";
import { type CardField, listCardFields } from "./card-fields";
import { type CardView, customerCards } from "./cards";
import { customerDevices, type DeviceView } from "./device-list";

const RECENT_ACTIONS = 20;
const RECENT_PUSHES = 10;

export interface CustomerProfile {
  id: string;
  firstSeen: number | null;
  lastSeen: number | null;
  /** Every id the customer is known by on the site. */
  identifiers: { type: "customer" | "device" | "card"; value: string }[];
  /** Ranked: the order pushes pick devices in. */
  devices: DeviceView[];
  /** The web device most recently seen on the site, with its permission. */
  lastWebDevice: DeviceView | null;
  cards: CardView[];
  cardFields: CardField[];
  recentActions: {
    id: string;
    operation: string;
    at: number;
    device: string | null;
    data: unknown;
  }[];
  pushes: {
    device: string;
    reason: string;
    outcome: string;
    status: number | null;
    sentAt: number;
  }[];
  /** The segments the customer is in now, as of their last recompute. */
  segments: { id: string; name: string; since: number }[];
}

/** The customer's profile, or null when the site knows nothing of them. */
export async function customerProfile(
  db: D1Database,
  siteId: string,
  id: string,
  options: { now: number; currencyExponent: number },
): Promise<CustomerProfile | null> {
  const { now } = options;
  const [customer, vapidKey, cards, cardFields] = await Promise.all([
    db
      .prepare("SELECT first_seen, last_seen FROM customers WHERE site_id = ? AND id = ?")
      .bind(siteId, id)
      .first<{ first_seen: number; last_seen: number }>(),
    currentVapidPublicKey(db, siteId),
    customerCards(db, siteId, id, options.currencyExponent),
    listCardFields(db, siteId),
  ]);
  const devices = await customerDevices(db, siteId, id, vapidKey, now);
  if (!customer && devices.length === 0 && cards.length === 0) return null;

  const [actions, pushes, segments] = await Promise.all([
    db
      .prepare(
        `SELECT id, operation, at, device_id, data FROM actions
         WHERE site_id = ? AND customer_id = ? ORDER BY at DESC LIMIT ?`,
      )
      .bind(siteId, id, RECENT_ACTIONS)
      .all<{
        id: string;
        operation: string;
        at: number;
        device_id: string | null;
        data: string;
      }>(),
    db
      .prepare(
        `SELECT device_id, reason, outcome, status, sent_at FROM push_sends
         WHERE site_id = ? AND customer_id = ? ORDER BY sent_at DESC LIMIT ?`,
      )
      .bind(siteId, id, RECENT_PUSHES)
      .all<{
        device_id: string;
        reason: string;
        outcome: string;
        status: number | null;
        sent_at: number;
      }>(),
    db
      .prepare(
        `SELECT s.id, s.name, m.since FROM segment_memberships m
         JOIN segments s ON s.site_id = m.site_id AND s.id = m.segment_id
         WHERE m.site_id = ? AND m.customer_id = ? ORDER BY s.name`,
      )
      .bind(siteId, id)
      .all<{ id: string; name: string; since: number }>(),
  ]);

  const web = devices.filter((device) => device.kind === "web");
  const lastWebDevice = web.reduce<DeviceView | null>(
    (latest, device) => (!latest || device.lastSeen > latest.lastSeen ? device : latest),
    null,
  );
  return {
    id,
    firstSeen: customer?.first_seen ?? null,
    lastSeen: customer?.last_seen ?? null,
    identifiers: [
      { type: "customer", value: id },
      ...devices.map((device) => ({ type: "device" as const, value: device.id })),
      ...cards.map((card) => ({ type: "card" as const, value: card.number })),
    ],
    devices,
    lastWebDevice,
    cards,
    cardFields,
    recentActions: actions.results.map((row) => ({
      id: row.id,
      operation: row.operation,
      at: row.at,
      device: row.device_id,
      data: JSON.parse(row.data) as unknown,
    })),
    pushes: pushes.results.map((row) => ({
      device: row.device_id,
      reason: row.reason,
      outcome: row.outcome,
      status: row.status,
      sentAt: row.sent_at,
    })),
    segments: segments.results,
  };
}

/** Customers whose id contains `query`, most recently seen first. */
export async function searchCustomers(
  db: D1Database,
  siteId: string,
  query: string,
  limit: number,
): Promise<{ id: string; firstSeen: number; lastSeen: number }[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const { results } = await db
    .prepare(
      `SELECT id, first_seen, last_seen FROM customers
       WHERE site_id = ? AND id LIKE ? ESCAPE '\\' ORDER BY last_seen DESC, id LIMIT ?`,
    )
    .bind(siteId, pattern, limit)
    .all<{ id: string; first_seen: number; last_seen: number }>();
  return results.map((row) => ({
    id: row.id,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  }));
}
