import { markUnreachable } from "../push/device-store";
import { endpointProblem } from "../push/endpoint";
import {
  type PushFetch,
  type PushMessage,
  type PushOutcome,
  sendWebPush,
} from "../push/send";
import { siteVapidKeys } from "../push/vapid-keys";
import { customerDevices, type DeviceView } from "./device-list";

/** A customer push goes to this many devices at most: the ones they use
 * most, so that one message does not ring every old phone they own. */
export const MAX_PUSH_DEVICES = 2;

export interface PushSend {
  device: string;
  platform: DeviceView["platform"];
  /** Position among the customer's reachable devices, 1 = most used. */
  rank: number;
  /** Why this device was chosen, in words, as recorded. */
  reason: string;
  outcome: PushOutcome | "skipped";
  status: number | null;
}

export interface CustomerPush {
  customer: string;
  devices: number;
  reachable: number;
  sends: PushSend[];
}

interface SubscriptionRow {
  endpoint: string;
  p256dh: string;
  auth: string;
}

function why(device: DeviceView, rank: number, reachable: number): string {
  const seen = new Date(device.lastSeen).toISOString();
  return `most used reachable device #${rank} of ${reachable}: ${device.recentActions} actions in the last 30 days, last seen ${seen}`;
}

/**
 * Sends `message` to the customer's most-used reachable devices (ranked as
 * `customerDevices` orders them: most actions in 30 days, then most
 * recently seen), records each send with why its device was chosen and
 * what the push service answered, and marks a device unreachable when its
 * service answers 404 or 410.
 *
 * Known limit: app devices (iOS, Android) are chosen like web ones but not
 * sent to: APNs and FCM's native API are not built yet, so their sends are
 * recorded as `skipped`.
 */
export async function pushToCustomer(
  db: D1Database,
  siteId: string,
  customer: string,
  message: PushMessage,
  options: { fetcher: PushFetch; subject: string; now: number },
): Promise<CustomerPush> {
  const keys = await siteVapidKeys(db, siteId);
  const devices = await customerDevices(
    db,
    siteId,
    customer,
    keys.publicKey,
    options.now,
  );
  const reachable = devices.filter((device) => device.pushable);
  const chosen = reachable.slice(0, MAX_PUSH_DEVICES);

  const sends: PushSend[] = [];
  for (const [index, device] of chosen.entries()) {
    const rank = index + 1;
    const reason = why(device, rank, reachable.length);
    if (device.platform !== "web") {
      sends.push({
        device: device.id,
        platform: device.platform,
        rank,
        reason,
        outcome: "skipped",
        status: null,
      });
      continue;
    }
    const subscription = await db
      .prepare(
        "SELECT endpoint, p256dh, auth FROM device_push WHERE site_id = ? AND device_id = ?",
      )
      .bind(siteId, device.id)
      .first<SubscriptionRow>();
    if (!subscription) continue;
    // Checked on write too; this catches endpoints of a service since
    // taken off the allow-list, without a request leaving for them.
    const problem = endpointProblem(subscription.endpoint);
    if (problem) {
      await markUnreachable(
        db,
        siteId,
        device.id,
        `the endpoint ${problem}`,
        options.now,
      );
      sends.push({
        device: device.id,
        platform: "web",
        rank,
        reason,
        outcome: "rejected",
        status: null,
      });
      continue;
    }
    const result = await sendWebPush(
      options.fetcher,
      keys,
      subscription,
      message,
      options,
    );
    if (result.outcome === "gone") {
      await markUnreachable(
        db,
        siteId,
        device.id,
        `the push service answered ${result.status}: the subscription is gone`,
        options.now,
      );
    }
    sends.push({ device: device.id, platform: "web", rank, reason, ...result });
  }

  if (sends.length > 0) {
    await db.batch(
      sends.map((send) =>
        db
          .prepare(
            `INSERT INTO push_sends (site_id, id, customer_id, device_id, reason, outcome, status, sent_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            siteId,
            crypto.randomUUID(),
            customer,
            send.device,
            send.reason,
            send.outcome,
            send.status,
            options.now,
          ),
      ),
    );
  }
  return { customer, devices: devices.length, reachable: reachable.length, sends };
}
