import { hashSecret } from "../auth/secret";

/** Prefix of webhook secrets, so that one found in a log is recognisable
 * and never mistaken for an admin key (`vt_sk_`). */
export const WEBHOOK_SECRET_PREFIX = "vt_wh_";

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return (
    WEBHOOK_SECRET_PREFIX +
    base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
  );
}

/**
 * Makes the site's webhook secret, replacing the previous one at once (the
 * old secret stops working with this call: set the new one in the sending
 * service right after). Only the hash is stored; the secret is answered
 * once.
 */
export async function rotateWebhookSecret(
  db: D1Database,
  siteId: string,
  now: number,
): Promise<string> {
  const secret = randomSecret();
  await db
    .prepare(
      `INSERT INTO webhook_secrets (site_id, secret_hash, created_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (site_id) DO UPDATE SET
         secret_hash = excluded.secret_hash, created_at = excluded.created_at`,
    )
    .bind(siteId, await hashSecret(secret), now)
    .run();
  return secret;
}

/** Whether the site has a webhook secret, and whether `secret` is it. */
export async function checkWebhookSecret(
  db: D1Database,
  siteId: string,
  secret: string,
): Promise<"none" | "wrong" | "ok"> {
  const row = await db
    .prepare("SELECT secret_hash FROM webhook_secrets WHERE site_id = ?")
    .bind(siteId)
    .first<{ secret_hash: string }>();
  if (!row) return "none";
  // Comparing hashes of a 32-byte random secret leaks nothing useful
  // through timing: an attacker cannot steer the hash's prefix.
  return row.secret_hash === (await hashSecret(secret)) ? "ok" : "wrong";
}
