import { randomId } from "./random-id";
import type { Store } from "./storage";

// The edge's id rule (edge/http/identifiers.ts) wants a letter or digit
// first; a random id starts with '-' or '_' one time in 32.
const VALID = /^[A-Za-z0-9][\w-]{15,63}$/;

/**
 * The id of this browser for `site`, kept under `vitrine:<site>:device`.
 * When storage is blocked or full it lasts as long as the page.
 */
export function deviceId(store: Store, site: string): string {
  const key = `vitrine:${site}:device`;
  const stored = store.get(key);
  if (stored && VALID.test(stored)) return stored;

  const id = `d${randomId(21)}`;
  store.set(key, id);
  return id;
}
