import type { PopupFrequency } from "../../../templates/popup/targeting";
import type { Store } from "../storage";

const DAY_MS = 86_400_000;

/** What one visitor has done with one pop-up, kept in localStorage. */
interface History {
  /** Last shown, epoch ms. */
  at?: number;
  closes?: number;
  converted?: boolean;
}

export interface Caps {
  allows(id: string, frequency: PopupFrequency, now: number): boolean;
  shown(id: string, now: number): void;
  closed(id: string): void;
  converted(id: string): void;
}

/**
 * The frequency caps of one visitor: history in localStorage, "once per
 * session" in a session cookie of the shop (no expiry: the browser drops it
 * when its session ends), which every tab of the shop shares, unlike
 * sessionStorage, which is one tab's. Where storage or cookies are blocked,
 * they hold for the page's life (the store's memory fallback, and a set).
 */
export function createCaps(win: Window, store: Store, site: string): Caps {
  const key = `vitrine:${site}:popups`;
  const cookie = `vitrine_${encodeURIComponent(site)}_popups=`;
  const seen = new Set<string>(readSession());

  function readSession(): string[] {
    try {
      const pair = win.document.cookie.split("; ").find((one) => one.startsWith(cookie));
      return (pair?.slice(cookie.length) ?? "").split(",").filter(Boolean);
    } catch {
      return [];
    }
  }

  function all(): Record<string, History> {
    const stored = store.json(key);
    return typeof stored === "object" && stored !== null
      ? (stored as Record<string, History>)
      : {};
  }

  function change(id: string, edit: (history: History) => void): void {
    const histories = all();
    const history = histories[id] ?? {};
    edit(history);
    histories[id] = history;
    store.set(key, JSON.stringify(histories));
  }

  return {
    allows(id, frequency, now) {
      const history = all()[id] ?? {};
      if (frequency.stopAfterConversion && history.converted) return false;
      if (frequency.maxCloses > 0 && (history.closes ?? 0) >= frequency.maxCloses)
        return false;
      if (frequency.cap === "session")
        return !seen.has(id) && !readSession().includes(id);
      if (frequency.cap === "days") {
        return history.at === undefined || now - history.at >= frequency.days * DAY_MS;
      }
      return true;
    },
    shown(id, now) {
      // Other tabs may have added theirs since this page read the cookie.
      for (const other of readSession()) seen.add(other);
      seen.add(id);
      try {
        // Ids are letters, digits and `_.:-` (the edge's rule): cookie-safe.
        const value = [...seen].join(",");
        win.document.cookie = `${cookie}${value}; path=/; samesite=lax`;
      } catch {
        // Blocked: the set above holds it for this page.
      }
      change(id, (history) => {
        history.at = now;
      });
    },
    closed: (id) =>
      change(id, (history) => {
        history.closes = (history.closes ?? 0) + 1;
      }),
    converted: (id) =>
      change(id, (history) => {
        history.converted = true;
      }),
  };
}
