import { type PushState, pushReachability, type UnpushableReason } from "./reachability";

/** Activity is counted over this window to rank a customer's devices. */
export const ACTIVITY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

interface DeviceRow {
  id: string;
  customer_id: string | null;
  first_seen: number;
  last_seen: number;
  recent_actions: number;
  platform: "web" | "ios" | "android" | null;
  permission: string | null;
  endpoint: string | null;
  token: string | null;
  expires_at: number | null;
  vapid_key: string | null;
  browser: string | null;
  os: string | null;
  device_type: string | null;
  user_agent: string | null;
  reported_at: number | null;
  unreachable_reason: string | null;
  unreachable_at: number | null;
}

/** One device as the admin API answers it. Subscription keys and app
 * tokens are never answered: they are credentials to push to the device. */
export interface DeviceView {
  id: string;
  customer: string | null;
  platform: "web" | "ios" | "android";
  kind: "web" | "mobile";
  firstSeen: number;
  lastSeen: number;
  /** Actions in the last 30 days: what devices are ranked by. */
  recentActions: number;
  permission: string;
  subscribed: boolean;
  /** The push service's host, for web subscriptions. */
  pushService: string | null;
  expiresAt: number | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
  userAgent: string | null;
  pushable: boolean;
  reason: UnpushableReason | null;
  unreachable: { reason: string; at: number } | null;
}

const SELECT = `SELECT d.id, d.customer_id, d.first_seen, d.last_seen,
    (SELECT COUNT(*) FROM actions a
     WHERE a.site_id = d.site_id AND a.device_id = d.id AND a.at >= ?2) AS recent_actions,
    p.platform, p.permission, p.endpoint, p.token, p.expires_at, p.vapid_key,
    p.browser, p.os, p.device_type, p.user_agent, p.last_seen AS reported_at,
    p.unreachable_reason, p.unreachable_at
  FROM devices d
  LEFT JOIN device_push p ON p.site_id = d.site_id AND p.device_id = d.id`;

/** Ranked by recent activity: most actions in the last 30 days first, then
 * the most recently seen. This is the order pushes pick devices in. */
const ORDER = "ORDER BY recent_actions DESC, d.last_seen DESC, d.id";

function view(row: DeviceRow, vapidKey: string | null, now: number): DeviceView {
  const state: PushState | null = row.platform
    ? {
        platform: row.platform,
        permission: row.permission ?? "default",
        endpoint: row.endpoint,
        token: row.token,
        expiresAt: row.expires_at,
        vapidKey: row.vapid_key,
        unreachableReason: row.unreachable_reason,
      }
    : null;
  const reason = pushReachability(state, vapidKey, now);
  const platform = row.platform ?? "web";
  return {
    id: row.id,
    customer: row.customer_id,
    platform,
    kind: platform === "web" ? "web" : "mobile",
    firstSeen: row.first_seen,
    lastSeen: Math.max(row.last_seen, row.reported_at ?? 0),
    recentActions: row.recent_actions,
    permission: row.permission ?? "unknown",
    subscribed: Boolean(row.endpoint ?? row.token),
    pushService: row.endpoint ? new URL(row.endpoint).hostname : null,
    expiresAt: row.expires_at,
    browser: row.browser,
    os: row.os,
    deviceType: row.device_type,
    userAgent: row.user_agent,
    pushable: reason === null,
    reason,
    unreachable:
      row.unreachable_reason && row.unreachable_at
        ? { reason: row.unreachable_reason, at: row.unreachable_at }
        : null,
  };
}

export async function customerDevices(
  db: D1Database,
  siteId: string,
  customer: string,
  vapidKey: string | null,
  now: number,
): Promise<DeviceView[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE d.site_id = ?1 AND d.customer_id = ?3 ${ORDER} LIMIT 100`)
    .bind(siteId, now - ACTIVITY_WINDOW_MS, customer)
    .all<DeviceRow>();
  return results.map((row) => view(row, vapidKey, now));
}

/** The site's devices that reported a push state, most recent first. */
export async function siteDevices(
  db: D1Database,
  siteId: string,
  kind: "web" | "mobile",
  limit: number,
  vapidKey: string | null,
  now: number,
): Promise<DeviceView[]> {
  const platforms = kind === "web" ? "('web')" : "('ios', 'android')";
  const { results } = await db
    .prepare(
      `${SELECT} WHERE d.site_id = ?1 AND p.platform IN ${platforms}
       ORDER BY p.last_seen DESC, d.id LIMIT ?3`,
    )
    .bind(siteId, now - ACTIVITY_WINDOW_MS, limit)
    .all<DeviceRow>();
  return results.map((row) => view(row, vapidKey, now));
}
