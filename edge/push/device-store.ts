import type { DeviceReport } from "./device-report";

/**
 * Stores a device's reported push state in one batch: the device itself
 * (so a device that reports before its first action is listed), its
 * customer when an app backend names one, and its push row. A report
 * replaces the previous state; only the "unreachable" mark survives a
 * report of the same endpoint or token, since the push service already
 * said that one is gone.
 */
export async function storeDeviceReport(
  db: D1Database,
  siteId: string,
  report: DeviceReport,
  customer: string | null,
  now: number,
): Promise<void> {
  const statements = [
    db
      .prepare(
        `INSERT INTO devices (site_id, id, customer_id, first_seen, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (site_id, id) DO UPDATE SET
           customer_id = coalesce(excluded.customer_id, devices.customer_id),
           last_seen = max(devices.last_seen, excluded.last_seen)`,
      )
      .bind(siteId, report.device, customer, now),
  ];
  if (customer) {
    statements.push(
      db
        .prepare(
          `INSERT INTO customers (site_id, id, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3)
           ON CONFLICT (site_id, id) DO UPDATE SET
             last_seen = max(customers.last_seen, excluded.last_seen)`,
        )
        .bind(siteId, customer, now),
    );
  }
  const subscription = report.subscription;
  statements.push(
    db
      .prepare(
        `INSERT INTO device_push (site_id, device_id, platform, permission, endpoint,
           p256dh, auth, expires_at, vapid_key, token, browser, os, device_type,
           user_agent, first_seen, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (site_id, device_id) DO UPDATE SET
           platform = excluded.platform,
           permission = excluded.permission,
           endpoint = excluded.endpoint,
           p256dh = excluded.p256dh,
           auth = excluded.auth,
           expires_at = excluded.expires_at,
           vapid_key = excluded.vapid_key,
           token = excluded.token,
           browser = excluded.browser,
           os = excluded.os,
           device_type = excluded.device_type,
           user_agent = excluded.user_agent,
           last_seen = max(device_push.last_seen, excluded.last_seen),
           unreachable_reason = CASE
             WHEN excluded.endpoint IS device_push.endpoint
               AND excluded.token IS device_push.token
             THEN device_push.unreachable_reason END,
           unreachable_at = CASE
             WHEN excluded.endpoint IS device_push.endpoint
               AND excluded.token IS device_push.token
             THEN device_push.unreachable_at END`,
      )
      .bind(
        siteId,
        report.device,
        report.platform,
        report.permission,
        subscription?.endpoint ?? null,
        subscription?.p256dh ?? null,
        subscription?.auth ?? null,
        subscription?.expiresAt ?? null,
        report.vapidKey,
        report.token,
        report.details.browser,
        report.details.os,
        report.details.deviceType,
        report.details.userAgent,
        now,
      ),
  );
  await db.batch(statements);
}

/** Marks a device unreachable after its push service's answer. */
export async function markUnreachable(
  db: D1Database,
  siteId: string,
  device: string,
  reason: string,
  now: number,
): Promise<void> {
  await db
    .prepare(
      `UPDATE device_push SET unreachable_reason = ?, unreachable_at = ?
       WHERE site_id = ? AND device_id = ?`,
    )
    .bind(reason, now, siteId, device)
    .run();
}

/** Moves a device from a subscription the browser replaced to its new
 * one; false when no device of the site has the previous endpoint. */
export async function replaceSubscription(
  db: D1Database,
  siteId: string,
  change: {
    previousEndpoint: string;
    subscription: NonNullable<DeviceReport["subscription"]>;
    vapidKey: string | null;
  },
  now: number,
): Promise<boolean> {
  const { subscription } = change;
  const result = await db
    .prepare(
      `UPDATE device_push SET endpoint = ?, p256dh = ?, auth = ?, expires_at = ?,
         vapid_key = ?, permission = 'granted', unreachable_reason = NULL,
         unreachable_at = NULL, last_seen = max(last_seen, ?)
       WHERE site_id = ? AND platform = 'web' AND endpoint = ?`,
    )
    .bind(
      subscription.endpoint,
      subscription.p256dh,
      subscription.auth,
      subscription.expiresAt,
      change.vapidKey,
      now,
      siteId,
      change.previousEndpoint,
    )
    .run();
  return result.meta.changes > 0;
}
