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
  /** The value of `key` read as JSON; undefined when missing or not JSON. */
  json(key: string): unknown;
}

/** `text` read as JSON; undefined when missing or not JSON. */
export function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}

export function createStore(win: Window): Store {
  // Once a key has failed to persist, memory holds its newest value: reading
  // the stale stored one would bring back what was already sent or dropped.
  const memory = new Map<string, string>();

  function get(key: string): string | null {
    const kept = memory.get(key);
    if (kept !== undefined) return kept;
    try {
      return win.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  return {
    get,
    json: (key) => parseJson(get(key)),
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
