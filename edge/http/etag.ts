import type { Context } from "hono";

/**
 * Answers `body` as JSON with a strong ETag derived from its bytes, or 304
 * when the client already holds it. Hashing the body (rather than a version
 * number) keeps the ETag honest: recommendations change with new orders even
 * when no setting changed.
 */
export async function jsonWithEtag(c: Context, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest).slice(0, 12)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
  const etag = `"${hex}"`;
  const headers = {
    ETag: etag,
    // Private: items depend on the device. no-cache: revalidate every time,
    // which costs a 304 and no body when nothing changed.
    "Cache-Control": "private, no-cache",
  };

  const known = c.req.header("if-none-match");
  const matches = known
    ?.split(",")
    .some((tag) => ["*", etag].includes(tag.trim().replace(/^W\//, "")));
  if (matches) {
    return c.body(null, 304, headers);
  }
  return c.body(text, 200, {
    ...headers,
    "Content-Type": "application/json; charset=UTF-8",
  });
}
