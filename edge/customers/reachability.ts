/** Why a push cannot reach a device; null when it can. */
export type UnpushableReason =
  | "unsupported"
  | "denied"
  | "not_asked"
  | "no_subscription"
  | "expired"
  | "rejected";

export interface PushState {
  platform: "web" | "ios" | "android";
  permission: string;
  endpoint: string | null;
  token: string | null;
  expiresAt: number | null;
  vapidKey: string | null;
  unreachableReason: string | null;
}

/**
 * Whether a push can be sent to a device now, and if not why, in the
 * order a marketer would fix it:
 * - `unsupported`: the browser has no Push API (or it is off there);
 * - `denied`: the shopper refused notifications;
 * - `not_asked`: permission is neither granted nor refused yet;
 * - `no_subscription`: granted, but no subscription or app token is known
 *   (unsubscribed, or the device never reported one);
 * - `expired`: the subscription's expiration time has passed, or it was
 *   made with a VAPID key the site has since rotated;
 * - `rejected`: the push service answered that the subscription is gone
 *   (404, 410) or refused our message.
 */
export function pushReachability(
  state: PushState | null,
  currentVapidKey: string | null,
  now: number,
): UnpushableReason | null {
  if (!state) return "no_subscription";
  if (state.permission === "unsupported") return "unsupported";
  if (state.permission === "denied") return "denied";
  if (state.permission !== "granted") return "not_asked";
  if (state.unreachableReason) return "rejected";
  if (state.platform === "web") {
    if (!state.endpoint) return "no_subscription";
    if (state.expiresAt !== null && state.expiresAt <= now) return "expired";
    if (state.vapidKey !== currentVapidKey) return "expired";
    return null;
  }
  return state.token ? null : "no_subscription";
}
