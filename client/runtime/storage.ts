/**
 * The runtime's only door to `localStorage`. Every access is guarded: a
 * browser that blocks storage (privacy settings, sandboxed frames) throws a
 * SecurityError on reading `localStorage` itself, and a full origin throws
 * QuotaExceededError on writes. Either way the key falls back to memory for
 * the rest of this page view and nothing is thrown, so the host site's own
 * storage and scripts are never disturbed.
 */
export interface Store {
  get(key: string): string | null;
  /** Stores `value`; false when it lives in this page's memory only. */
  set(key: string, value: string): boolean;
}

export function createStore(win: Window): Store {
  // Once a key has failed to persist, memory holds its newest value: reading
  // the stale stored one would bring back what was already sent or dropped.
  const memory = new Map<string, string>();

  return {
    get(key) {
      const kept = memory.get(key);
      if (kept !== undefined) return kept;
      try {
        return win.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      if (!memory.has(key)) {
        try {
          win.localStorage.setItem(key, value);
          return true;
        } catch {
          // Blocked or full: memory below.
        }
      }
      memory.set(key, value);
      return false;
    },
  };
}
