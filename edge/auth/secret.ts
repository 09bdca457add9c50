/** Prefix of every admin secret key, so a leaked key is recognisable. */
export const SECRET_PREFIX = "vt_sk_";

/** A new admin secret: 32 random bytes, base64url, with the prefix. */
export function createSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return (
    SECRET_PREFIX + base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
  );
}

/** How a secret is stored: SHA-256, lowercase hex. Secrets are random and
 * long, so a slow password hash would add latency and no safety. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}
