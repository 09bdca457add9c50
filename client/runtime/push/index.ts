import type { Log } from "../logger";
import type { Edge } from "../script-url";
import type { Store } from "../storage";
import { keyBytes, madeWithKey } from "./key";
import { DEFAULT_WORKER_URL, pushRegistration } from "./registration";
import { createReporter, type Permission, type Reporter } from "./reporter";
import { siteUrl } from "./site-url";
import { DEFAULT_TEXTS, type PromptTexts, showSoftPrompt } from "./soft-prompt";
import { pushSupported } from "./support";

/** Where a device ends up after `startPush`. */
export type PushState =
  | "unsupported"
  | "subscribed"
  | "denied"
  /** Not asked yet: the soft prompt was dismissed, or already shown once. */
  | "default"
  /** The site's service worker setup does not allow ours (see registration). */
  | "no_worker"
  | "failed";

export interface PushOptions {
  edge: Edge;
  device: string;
  window: Window & typeof globalThis;
  store: Store;
  log: Log;
  fetch?: typeof fetch;
  /** `/vitrine-sw.js` by default, or `"existing"`: see README. */
  serviceWorker?: string;
  prompt?: Partial<PromptTexts>;
}

interface Context {
  options: PushOptions;
  reporter: Reporter;
  fetch: typeof fetch;
}

function userAgent(win: Window): string {
  try {
    return win.navigator.userAgent ?? "";
  } catch {
    return "";
  }
}

function context(options: PushOptions): Context {
  const fetcher = options.fetch ?? options.window.fetch.bind(options.window);
  return {
    options,
    fetch: fetcher,
    reporter: createReporter({
      edge: options.edge,
      device: options.device,
      store: options.store,
      fetch: fetcher,
      userAgent: userAgent(options.window),
      log: options.log,
    }),
  };
}

async function siteKey(ctx: Context): Promise<string> {
  const response = await ctx.fetch(siteUrl(ctx.options.edge, "push/key"));
  if (!response.ok) throw new Error(`push key: ${response.status}`);
  const answer = (await response.json()) as { publicKey?: unknown };
  if (typeof answer.publicKey !== "string") throw new Error("push key: no publicKey");
  return answer.publicKey;
}

/** Subscribes (again if the site's key was rotated) and reports. */
async function subscribe(ctx: Context): Promise<PushState> {
  const win = ctx.options.window;
  const registration = await pushRegistration(
    win.navigator.serviceWorker,
    ctx.options.serviceWorker ?? DEFAULT_WORKER_URL,
    win.location.href,
  );
  if (!registration) {
    ctx.options.log("push: another service worker owns the scope; see README");
    await ctx.reporter.report({ permission: "granted", subscription: null });
    return "no_worker";
  }
  const key = await siteKey(ctx);
  let subscription = await registration.pushManager.getSubscription();
  const sameKey = subscription
    ? (madeWithKey(subscription, key) ?? ctx.reporter.lastKey() === key)
    : true;
  if (subscription && !sameKey) {
    // Made with a key the site has since replaced: push services refuse
    // our messages for it, so it is replaced, not kept.
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    try {
      subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key),
      });
    } catch (error) {
      // Permission granted, but the browser's push service refused or
      // could not be reached: the profile shows "no subscription".
      ctx.options.log("push subscribe failed", String(error));
      await ctx.reporter.report({ permission: "granted", subscription: null });
      return "failed";
    }
  }
  await ctx.reporter.report({
    permission: "granted",
    subscription: subscription.toJSON(),
    vapidKey: key,
  });
  return "subscribed";
}

/** Old Safari's requestPermission takes a callback and returns nothing. */
function requestPermission(win: Window & typeof globalThis): Promise<Permission> {
  return new Promise((resolve) => {
    const answer = win.Notification.requestPermission((result) => resolve(result));
    answer?.then(resolve, () => resolve("default"));
  });
}

async function sync(ctx: Context): Promise<PushState> {
  const win = ctx.options.window;
  if (!pushSupported(win)) {
    await ctx.reporter.report({ permission: "unsupported", subscription: null });
    return "unsupported";
  }
  const permission = win.Notification.permission as Permission;
  if (permission === "granted") return subscribe(ctx);
  await ctx.reporter.report({ permission, subscription: null });
  if (permission === "denied") return "denied";

  const asked = `vitrine:${ctx.options.edge.site}:push-asked`;
  if (ctx.options.store.get(asked)) return "default";
  ctx.options.store.set(asked, String(Date.now()));
  let decided: Promise<Permission> | null = null;
  const texts = { ...DEFAULT_TEXTS, ...ctx.options.prompt };
  await showSoftPrompt(win.document, texts, () => {
    decided = requestPermission(win);
  });
  if (!decided) return "default";
  const answer: Permission = await decided;
  if (answer === "granted") return subscribe(ctx);
  await ctx.reporter.report({ permission: answer, subscription: null });
  return answer === "denied" ? "denied" : "default";
}

/** Re-syncs when the shopper changes the permission in the browser's own
 * settings while the page is open (Permissions API, where it exists). */
function watchPermission(ctx: Context): void {
  try {
    void ctx.options.window.navigator.permissions
      ?.query({ name: "notifications" })
      .then((status) => {
        status.addEventListener("change", () => void startPushWith(ctx));
      })
      .catch(() => undefined);
  } catch {
    // No Permissions API: the next page view reports the change.
  }
}

function startPushWith(ctx: Context): Promise<PushState> {
  return sync(ctx).catch((error: unknown) => {
    ctx.options.log("push failed", String(error));
    return "failed" as const;
  });
}

/**
 * Web push for one page: reports the device's permission, subscription
 * and details to the edge when they changed; asks once, through Vitrine's
 * own soft prompt, and requests the browser's permission only from the
 * shopper's click on it; subscribes with the site's VAPID key, and again
 * when the key was rotated. Never throws: a browser without Push API is
 * reported as "unsupported", any other failure resolves to "failed".
 */
export function startPush(options: PushOptions): Promise<PushState> {
  try {
    const ctx = context(options);
    const started = startPushWith(ctx);
    if (pushSupported(options.window)) watchPermission(ctx);
    return started;
  } catch (error) {
    options.log("push failed", String(error));
    return Promise.resolve("failed");
  }
}

/** Unsubscribes this browser and tells the edge; never throws. */
export async function stopPush(options: PushOptions): Promise<void> {
  const ctx = context(options);
  try {
    if (!pushSupported(options.window)) return;
    const registration = await options.window.navigator.serviceWorker.getRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    await subscription?.unsubscribe();
    await ctx.reporter.report({
      permission: options.window.Notification.permission as Permission,
      subscription: null,
    });
  } catch (error) {
    options.log("push unsubscribe failed", String(error));
  }
}
