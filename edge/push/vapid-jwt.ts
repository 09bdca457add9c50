import { toBase64Url } from "./base64url";
import type { VapidKeys } from "./vapid-keys";

/** RFC 8292 §2: a push service refuses tokens valid for more than 24 hours. */
const LIFETIME_SECONDS = 12 * 60 * 60;

const text = new TextEncoder();
const encodeJson = (value: unknown) => toBase64Url(text.encode(JSON.stringify(value)));

/**
 * The `Authorization` header of one push request (RFC 8292, VAPID): a JWT
 * signed with ES256 by the site's key, whose audience is the push service's
 * origin, and the public key the subscription was made with.
 * Web Crypto's ECDSA signature is already r‖s of 32 bytes each, which is
 * exactly JWS's ES256 form (RFC 7518 §3.4), so no DER conversion is needed.
 */
export async function vapidAuthorization(
  keys: VapidKeys,
  claims: { endpoint: string; subject: string; now: number },
): Promise<string> {
  const header = encodeJson({ typ: "JWT", alg: "ES256" });
  const payload = encodeJson({
    aud: new URL(claims.endpoint).origin,
    exp: Math.floor(claims.now / 1000) + LIFETIME_SECONDS,
    sub: claims.subject,
  });
  const signingInput = `${header}.${payload}`;
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    keys.signingKey,
    text.encode(signingInput),
  );
  const token = `${signingInput}.${toBase64Url(new Uint8Array(signature))}`;
  return `vapid t=${token}, k=${keys.publicKey}`;
}
