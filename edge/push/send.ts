import { fromBase64Url } from "./base64url";
import { encryptPushMessage } from "./encrypt";
import { endpointProblem } from "./endpoint";
import { vapidAuthorization } from "./vapid-jwt";
import type { VapidKeys } from "./vapid-keys";

/** How a push request leaves the worker: the worker's own `fetch` in
 * production; tests pass a push-service stand-in. */
export type PushFetch = (request: Request) => Promise<Response>;

export interface WebSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * - `delivered`: the push service accepted the message (201/202/200); it
 *   does not say the browser showed it.
 * - `gone`: 404 or 410, the subscription no longer exists (RFC 8030 §7.3).
 * - `rejected`: any other 4xx: the service refused this message or our
 *   credentials; resending the same would fail again.
 * - `failed`: 429, 5xx or no answer: worth trying later.
 */
export type PushOutcome = "delivered" | "gone" | "rejected" | "failed";

export interface PushResult {
  outcome: PushOutcome;
  status: number | null;
}

/** What the service worker shows (client/push/sw-source.ts reads it). */
export interface PushMessage {
  title: string;
  body: string;
  url?: string;
}

/** Seconds a push service keeps an undelivered message. */
const TIME_TO_LIVE = 24 * 60 * 60;

/**
 * Sends one encrypted push message with VAPID. The endpoint is checked
 * against the known push services here again, whatever the caller checked
 * before: this is the one place a request leaves for it.
 */
export async function sendWebPush(
  fetcher: PushFetch,
  keys: VapidKeys,
  subscription: WebSubscription,
  message: PushMessage,
  options: { subject: string; now: number },
): Promise<PushResult> {
  const problem = endpointProblem(subscription.endpoint);
  if (problem)
    throw new Error(`refusing to push to ${subscription.endpoint}: it ${problem}`);
  const point = fromBase64Url(subscription.p256dh);
  const authSecret = fromBase64Url(subscription.auth);
  if (!point || !authSecret) return { outcome: "rejected", status: null };

  const payload = new TextEncoder().encode(JSON.stringify({ vitrine: 1, ...message }));
  const body = await encryptPushMessage(payload, {
    point: new Uint8Array(point),
    authSecret: new Uint8Array(authSecret),
  });
  const request = new Request(subscription.endpoint, {
    method: "POST",
    headers: {
      Authorization: await vapidAuthorization(keys, {
        endpoint: subscription.endpoint,
        subject: options.subject,
        now: options.now,
      }),
      "Content-Encoding": "aes128gcm",
      "Content-Type": "application/octet-stream",
      TTL: String(TIME_TO_LIVE),
      Urgency: "normal",
    },
    body,
  });

  let response: Response;
  try {
    response = await fetcher(request);
  } catch {
    return { outcome: "failed", status: null };
  }
  await response.body?.cancel();
  const status = response.status;
  if (status >= 200 && status < 300) return { outcome: "delivered", status };
  if (status === 404 || status === 410) return { outcome: "gone", status };
  if (status === 429 || status >= 500) return { outcome: "failed", status };
  return { outcome: "rejected", status };
}
