import type { Log } from "../logger";
import type { Edge } from "../script-url";
import type { Store } from "../storage";
import { deviceDetails } from "./details";
import { siteUrl } from "./site-url";

export type Permission = "granted" | "denied" | "default" | "unsupported";

export interface PushReport {
  permission: Permission;
  subscription: PushSubscriptionJSON | null;
  vapidKey?: string;
}

interface Reported {
  /** The last body the edge accepted: reports are sent only on change. */
  body: string;
  vapidKey: string | null;
}

export interface Reporter {
  report(state: PushReport): Promise<void>;
  /** The VAPID key of the last subscription the edge accepted. */
  lastKey(): string | null;
}

/**
 * Sends a device's push state to the edge when it differs from what the
 * edge last accepted (kept under `vitrine:<site>:push`), so a page view
 * with nothing new costs no request. Sent as text/plain, which needs no
 * CORS preflight. A failed report is simply sent again on a later page.
 */
export function createReporter(options: {
  edge: Edge;
  device: string;
  store: Store;
  fetch: typeof fetch;
  userAgent: string;
  log: Log;
}): Reporter {
  const key = `vitrine:${options.edge.site}:push`;
  const read = (): Reported | null => {
    const value = options.store.json(key) as Reported | undefined;
    return value && typeof value.body === "string" ? value : null;
  };

  return {
    lastKey: () => read()?.vapidKey ?? null,
    async report(state) {
      const body = JSON.stringify({
        device: options.device,
        permission: state.permission,
        subscription: state.subscription,
        ...(state.subscription && state.vapidKey && { vapidKey: state.vapidKey }),
        details: deviceDetails(options.userAgent),
      });
      if (read()?.body === body) return;
      const response = await options.fetch(siteUrl(options.edge, "push/devices"), {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body,
      });
      if (!response.ok) {
        options.log("push report refused", response.status);
        return;
      }
      options.store.set(
        key,
        JSON.stringify({
          body,
          vapidKey: state.subscription ? (state.vapidKey ?? null) : null,
        }),
      );
    },
  };
}
