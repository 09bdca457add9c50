import { randomId } from "./random-id";
import type { Store } from "./storage";

// The edge's id rule (edge/http/identifiers.ts) wants a letter or digit
// first; a random id starts with '-' or '_' one time in 32.
const VALID = /^[A-Za-z0-9][\w-]{15,63}$/;

/**
 * The id of this browser for `site`, kept under `vitrine:<site>:device` and
 * mirrored in a first-party cookie of the shop, `vitrine_<site>`, so that
 * clearing one of the two does not make the shopper a stranger: evergreen
 * countdowns, which the edge keys by device, must not restart. Clearing
 * both does; nothing else identifies the browser, on purpose. When storage
 * is blocked or full it lasts as long as the page.
 */
export function deviceId(store: Store, site: string, doc?: Document): string {
  const key = `vitrine:${site}:device`;
  const name = `vitrine_${encodeURIComponent(site)}=`;
  let cookie: string | undefined;
  try {
    cookie = doc?.cookie.split("; ").find((pair) => pair.startsWith(name));
    // A sandboxed document throws on reading or writing cookies.
  } catch {}
  let id = store.get(key) ?? "";
  if (!VALID.test(id)) id = cookie?.slice(name.length) ?? "";
  if (!VALID.test(id)) id = `d${randomId(21)}`;
  store.set(key, id);
  try {
    if (doc) doc.cookie = `${name}${id}; max-age=31536000; path=/; samesite=lax`;
  } catch {}
  return id;
}
