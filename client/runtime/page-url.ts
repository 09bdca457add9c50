/** The edge takes page URLs of at most this many characters. */
const MAX_URL_LENGTH = 2048;

/**
 * The page's URL as Vitrine records it: without the fragment, and without
 * the query string when that makes it too long (ad click ids can run to
 * thousands of characters). The path alone is what page rules match.
 */
export function recordedUrl(location: Location): string {
  const withQuery = location.origin + location.pathname + location.search;
  if (withQuery.length <= MAX_URL_LENGTH) return withQuery;
  const path = location.origin + location.pathname;
  return path.length <= MAX_URL_LENGTH ? path : `${location.origin}/`;
}
