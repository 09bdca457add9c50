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
 * session" in sessionStorage (a browser session, as tabs share it). Where
 * storage is blocked, they hold for the page's life (the store's memory
 * fallback, and a set for the session).
 */
export function createCaps(win: Window, store: Store, site: string): Caps {
  const key = `vitrine:${site}:popups`;
  const sessionKey = `vitrine:${site}:popups-session`;
  const seen = new Set<string>(readSession());

  function readSession(): string[] {
    try {
      const list = JSON.parse(win.sessionStorage.getItem(sessionKey) ?? "[]");
      return Array.isArray(list) ? list : [];
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
      if (frequency.cap === "session") return !seen.has(id);
      if (frequency.cap === "days") {
        return history.at === undefined || now - history.at >= frequency.days * DAY_MS;
      }
      return true;
    },
    shown(id, now) {
      seen.add(id);
      try {
        win.sessionStorage.setItem(sessionKey, JSON.stringify([...seen]));
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
