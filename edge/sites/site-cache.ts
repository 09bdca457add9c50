import { findSite, type Site } from "./site";

/** How long an isolate trusts what it read about a site. Settings changes
 * (allowed origins, the ceiling) reach every isolate within this time. */
export const SITE_CACHE_MS = 5_000;

const cache = new Map<string, { site: Site | null; until: number }>();

/**
 * The site, read from D1 at most once per SITE_CACHE_MS per isolate. Every
 * public request needs it, so under a flood this keeps D1 for writes. Unknown
 * sites are remembered too, so a flood aimed at a wrong id costs no reads.
 */
export async function cachedSite(db: D1Database, id: string, now = Date.now()) {
  const known = cache.get(id);
  if (known && known.until > now) return known.site;

  const site = await findSite(db, id);
  // Bounded: the oldest entry goes first (a Map keeps insertion order), so a
  // stream of made-up ids cannot push every real site out at once.
  if (cache.size >= 1_000) cache.delete(cache.keys().next().value ?? "");
  cache.delete(id);
  cache.set(id, { site, until: now + SITE_CACHE_MS });
  return site;
}

/** Drops what this isolate remembers of a site, after changing it. */
export function forgetSite(id: string): void {
  cache.delete(id);
}
