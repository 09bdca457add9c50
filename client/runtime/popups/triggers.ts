import type { DeviceType, PopupTargeting } from "../../../templates/popup/targeting";

/** What the shopper's device counts as: a small screen or a touch-only
 * pointer is mobile. */
export function deviceType(win: Window): DeviceType {
  const mobile = "(max-width: 767px), (hover: none) and (pointer: coarse)";
  return win.matchMedia?.(mobile).matches ? "mobile" : "desktop";
}

/**
 * Calls `fire` once the pop-up's trigger happens on this page view, and
 * answers a function that stops waiting. Listeners are passive and few;
 * none runs work on the host's scroll path beyond one comparison.
 * `add-to-cart` is fired by the engine itself, when the cart grows.
 */
export function armTrigger(
  win: Window,
  targeting: Omit<PopupTargeting, "segments">,
  fire: () => void,
): () => void {
  const doc = win.document;
  switch (targeting.trigger) {
    case "load": {
      const timer = win.setTimeout(fire, targeting.delaySeconds * 1000);
      return () => win.clearTimeout(timer);
    }
    case "scroll": {
      const check = () => {
        const seen = win.scrollY + win.innerHeight;
        const total = Math.max(doc.documentElement.scrollHeight, 1);
        if ((seen / total) * 100 >= targeting.scrollPercent) fire();
      };
      win.addEventListener("scroll", check, { passive: true });
      // A page too short to scroll has shown all of itself already.
      const first = win.setTimeout(check);
      return () => {
        win.clearTimeout(first);
        win.removeEventListener("scroll", check);
      };
    }
    case "exit": {
      // Desktop only: touch screens have no pointer to leave with.
      if (deviceType(win) !== "desktop") return () => {};
      const leave = (event: MouseEvent) => {
        if (!event.relatedTarget && event.clientY <= 0) fire();
      };
      doc.addEventListener("mouseout", leave);
      return () => doc.removeEventListener("mouseout", leave);
    }
    default:
      return () => {};
  }
}
