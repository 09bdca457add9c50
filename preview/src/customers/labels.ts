import type { UnpushableReason } from "./types";

/** Why a push cannot reach a device, in the marketer's words. */
export const REASONS: Record<UnpushableReason, string> = {
  unsupported: "Browser cannot receive push",
  denied: "Notifications refused",
  not_asked: "Not asked yet",
  no_subscription: "No subscription",
  expired: "Subscription expired",
  rejected: "Rejected by the push service",
};

export const OUTCOMES: Record<string, string> = {
  delivered: "Accepted by the push service",
  gone: "Subscription gone (device marked unreachable)",
  rejected: "Refused by the push service",
  failed: "Push service unavailable; try again later",
  skipped: "Not sent: sending to apps is not built yet",
};

export function when(at: number | null): string {
  return at === null ? "—" : new Date(at).toLocaleString();
}

export function platformName(platform: string): string {
  return platform === "ios" ? "iOS app" : platform === "android" ? "Android app" : "Web";
}
