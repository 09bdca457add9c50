import { fromBase64Url, toBase64Url } from "./base64url";

const ECDSA = { name: "ECDSA", namedCurve: "P-256" } as const;

/** A site's VAPID key pair as the worker uses it. The private key is
 * imported non-extractable; only the public key is ever answered. */
export interface VapidKeys {
  /** The public key, an uncompressed P-256 point in base64url: the
   * `applicationServerKey` browsers subscribe with. */
  publicKey: string;
  signingKey: CryptoKey;
}

interface KeyRow {
  public_key: string;
  private_jwk: string;
}

async function generateRow(): Promise<KeyRow> {
  const pair = (await crypto.subtle.generateKey(ECDSA, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const point = new Uint8Array(
    (await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer,
  );
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { public_key: toBase64Url(point), private_jwk: JSON.stringify(jwk) };
}

async function fromRow(row: KeyRow): Promise<VapidKeys> {
  const jwk = JSON.parse(row.private_jwk) as JsonWebKey;
  const signingKey = await crypto.subtle.importKey("jwk", jwk, ECDSA, false, ["sign"]);
  return { publicKey: row.public_key, signingKey };
}

/**
 * The site's VAPID keys, generated with Web Crypto the first time they are
 * needed and stored in D1 (the private key as a JWK, which no route
 * answers). Two first requests at once both generate a pair, but only the
 * first insert lands and both read it back, so a site has one pair.
 *
 * Known limit: the private key is stored in D1 in clear. A deployment that
 * wants it out of the database should wrap it with a key held in a Workers
 * secret (AES-KW) before storing; nothing else would change.
 */
export async function siteVapidKeys(db: D1Database, siteId: string): Promise<VapidKeys> {
  const select = db
    .prepare("SELECT public_key, private_jwk FROM push_vapid_keys WHERE site_id = ?")
    .bind(siteId);
  const existing = await select.first<KeyRow>();
  if (existing) return fromRow(existing);

  const fresh = await generateRow();
  await db
    .prepare(
      `INSERT INTO push_vapid_keys (site_id, public_key, private_jwk, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (site_id) DO NOTHING`,
    )
    .bind(siteId, fresh.public_key, fresh.private_jwk, Date.now())
    .run();
  const stored = await select.first<KeyRow>();
  if (!stored) throw new Error(`the VAPID keys of site ${siteId} were not stored`);
  return fromRow(stored);
}

/** Replaces the site's key pair. Every existing subscription was made with
 * the old public key and stops working; browsers see the new key on their
 * next page view and subscribe again (client/runtime/push). */
export async function rotateVapidKeys(db: D1Database, siteId: string): Promise<string> {
  const fresh = await generateRow();
  await db
    .prepare(
      `INSERT INTO push_vapid_keys (site_id, public_key, private_jwk, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (site_id) DO UPDATE SET
         public_key = excluded.public_key, private_jwk = excluded.private_jwk,
         created_at = excluded.created_at`,
    )
    .bind(siteId, fresh.public_key, fresh.private_jwk, Date.now())
    .run();
  return fresh.public_key;
}

export function publicKeyBytes(keys: VapidKeys): Uint8Array {
  const bytes = fromBase64Url(keys.publicKey);
  if (!bytes) throw new Error("a stored VAPID public key is not base64url");
  return bytes;
}

/** The site's current public key, or null if none was ever made; unlike
 * `siteVapidKeys`, never generates one (read-only views use it). */
export async function currentVapidPublicKey(
  db: D1Database,
  siteId: string,
): Promise<string | null> {
  const row = await db
    .prepare("SELECT public_key FROM push_vapid_keys WHERE site_id = ?")
    .bind(siteId)
    .first<{ public_key: string }>();
  return row?.public_key ?? null;
}
