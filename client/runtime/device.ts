import { randomId } from "./random-id";

const VALID = /^[\w-]{16,64}$/;

// Used when storage is blocked (privacy settings, sandboxed frames, full
// quota): the id then lasts as long as the page.
const memory = new Map<string, string>();

/**
 * The id of this browser for `site`, kept in localStorage under
 * `vitrine:<site>:device`. Never throws.
 */
export function deviceId(win: Window, site: string): string {
  const key = `vitrine:${site}:device`;
  try {
    const stored = win.localStorage.getItem(key);
    if (stored && VALID.test(stored)) return stored;
  } catch {
    // Reading `localStorage` itself throws when storage is blocked.
  }

  const id = memory.get(key) ?? randomId();
  memory.set(key, id);
  try {
    win.localStorage.setItem(key, id);
  } catch {
    // Kept in memory only.
  }
  return id;
}
