import type { ProductCard } from "../../../edge/contract";
import type { PopupPayload } from "../../../templates/popup/contract";
import { ruleHolds } from "../../../templates/popup/page-rules";
import type { Hooks } from "../commands";
import type { Log } from "../logger";
import type { PageContext } from "../page-context";
import type { PageAnswer } from "../page-response";
import type { Store } from "../storage";
import type { Tracker } from "../tracker";
import { createCaps } from "./caps";
import { mountPopup } from "./popup-host";
import { POPUP_MODULES } from "./templates";
import { armTrigger, deviceType } from "./triggers";

export interface PopupEngineOptions {
  win: Window & typeof globalThis;
  site: string;
  store: Store;
  tracker: Tracker;
  hooks: Hooks;
  log: Log;
}

export interface PopupEngine {
  /** A page view's answer: closes what no longer applies, arms the rest. */
  update(page: PageAnswer, context: PageContext): void;
}

/** How often the address is compared, for single-page shops that change
 * it with pushState, which fires no event. */
const ROUTE_POLL_MS = 500;

/**
 * Shows the pop-ups of page answers: at most one per page view, the first
 * whose trigger fires among those whose page rules, device and frequency
 * caps allow them (the edge has already applied page types and segments,
 * and sends them best first). Impressions, clicks, closes and conversions
 * are recorded as PopupEvent actions.
 */
export function createPopupEngine(options: PopupEngineOptions): PopupEngine {
  const { win, tracker, log } = options;
  const caps = createCaps(win, options.store, options.site);
  let popups: PopupPayload[] = [];
  let page: PageAnswer | undefined;
  let cart: string[] | undefined;
  let skew = 0;
  let shownThisView = false;
  let open: { id: string; remove(): void } | undefined;
  let disarms: (() => void)[] = [];
  let address = win.location.href;

  const event = (popup: string, name: string) =>
    tracker.track("PopupEvent", { popup, event: name });

  function allowed(popup: PopupPayload): boolean {
    const { pages, devices } = popup.targeting;
    const href = win.location.href;
    return (
      pages.every((rule) => ruleHolds(rule, href)) &&
      (devices.length === 0 || devices.includes(deviceType(win))) &&
      caps.allows(popup.id, popup.frequency, Date.now())
    );
  }

  function disarm(): void {
    for (const stop of disarms) stop();
    disarms = [];
  }

  function close(closedByShopper: boolean): void {
    if (!open) return;
    const { id, remove } = open;
    open = undefined;
    remove();
    if (closedByShopper) {
      caps.closed(id);
      event(id, "close");
    }
  }

  async function show(popup: PopupPayload): Promise<void> {
    if (shownThisView || open || !page || !allowed(popup)) return;
    shownThisView = true;
    disarm();
    const shownOn = page;
    let module: Awaited<ReturnType<(typeof POPUP_MODULES)[keyof typeof POPUP_MODULES]>>;
    try {
      module = await POPUP_MODULES[popup.template]();
    } catch (error) {
      log("pop-up template not loaded", { template: popup.template, error });
      return;
    }
    // Another page view began while the template loaded.
    if (page !== shownOn) return;
    const { id } = popup;
    const remove = mountPopup(
      win,
      id,
      module,
      {
        settings: popup.settings,
        data: popup.data,
        locale: shownOn.site.locale,
        currency: shownOn.site.currency,
        now: () => Date.now() + skew,
        onClose: () => close(true),
        onExpire: () => close(false),
        onConvert() {
          caps.converted(id);
          event(id, "conversion");
        },
        onAddToCart: (product: ProductCard) => addToCart(product),
      },
      () => event(id, "click"),
    );
    open = { id, remove };
    caps.shown(id, Date.now());
    event(id, "impression");
  }

  function addToCart(product: ProductCard): void {
    const hook = options.hooks.get("addToCart");
    try {
      // A copy: the merchant's code must not reach into what is shown.
      if (hook) hook({ ...product });
      else log("no addToCart hook");
    } catch (error) {
      log("addToCart hook failed", error);
    }
  }

  /** Waits for the triggers of every pop-up that could show now. */
  function arm(grew: boolean): void {
    disarm();
    if (shownThisView || open) return;
    for (const popup of popups) {
      if (!allowed(popup)) continue;
      const fire = () => void show(popup).catch((error) => log("pop-up failed", error));
      if (popup.targeting.trigger === "add-to-cart") {
        // Right away: the cart has just grown, in this page answer.
        const now = { ...popup.targeting, trigger: "load" as const, delaySeconds: 0 };
        if (grew) disarms.push(armTrigger(win, now, fire));
      } else {
        disarms.push(armTrigger(win, popup.targeting, fire));
      }
    }
  }

  /** A new page view: by a page answer, or by the address changing. */
  function newView(grew: boolean): void {
    shownThisView = false;
    const current = popups.find((popup) => popup.id === open?.id);
    const href = win.location.href;
    if (!current?.targeting.pages.every((rule) => ruleHolds(rule, href))) close(false);
    // The pop-up still open counts as this view's one pop-up.
    if (open) shownThisView = true;
    arm(grew);
  }

  function routeChanged(): void {
    if (win.location.href === address) return;
    address = win.location.href;
    newView(false);
  }
  win.setInterval(routeChanged, ROUTE_POLL_MS);
  win.addEventListener("popstate", routeChanged);

  return {
    update(next, context) {
      page = next;
      popups = next.popups as unknown as PopupPayload[];
      // The edge's clock is the reference; this keeps the shopper's clock
      // out of countdowns. The answer's travel time is under a second.
      if (next.now !== undefined) skew = next.now - Date.now();
      const grew = cart !== undefined && context.cart.length > cart.length;
      cart = context.cart;
      address = win.location.href;
      newView(grew);
    },
  };
}
