import { fromBase64Url, toBase64Url } from "../../edge/push/base64url";
import { decryptPushMessage } from "../../edge/push/decrypt";
import type { PushFetch } from "../../edge/push/send";

/** A browser's side of a push subscription: keys made here, so that the
 * stand-in can decrypt what the edge sends to it. */
export interface Subscriber {
  endpoint: string;
  privateJwk: JsonWebKey;
  point: Uint8Array<ArrayBuffer>;
  authSecret: Uint8Array<ArrayBuffer>;
  /** What a browser's `PushSubscription.toJSON()` gives. */
  json: {
    endpoint: string;
    expirationTime: number | null;
    keys: { p256dh: string; auth: string };
  };
}

export async function createSubscriber(endpoint: string): Promise<Subscriber> {
  const pair = (await crypto.subtle.generateKey(
    { name: "ECDH", namedCurve: "P-256" },
    true,
    ["deriveBits"],
  )) as CryptoKeyPair;
  const point = new Uint8Array(
    (await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer,
  );
  const privateJwk = (await crypto.subtle.exportKey(
    "jwk",
    pair.privateKey,
  )) as JsonWebKey;
  const authSecret = crypto.getRandomValues(new Uint8Array(16));
  return {
    endpoint,
    privateJwk,
    point,
    authSecret,
    json: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: toBase64Url(point), auth: toBase64Url(authSecret) },
    },
  };
}

export interface Received {
  endpoint: string;
  /** The decrypted payload, parsed. */
  message: Record<string, unknown>;
  vapidKey: string;
  audience: string;
}

function decodePart(part: string): Record<string, unknown> {
  const bytes = fromBase64Url(part);
  if (!bytes) throw new Error(`not base64url: ${part}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * A push service in miniature, for tests only: it checks each request as a
 * push service would (aes128gcm, TTL, a VAPID token for its own origin
 * that verifies with the key it names), decrypts the body with the
 * subscriber's private key, and answers `statusFor(endpoint)`. Anything it
 * cannot verify or decrypt makes the test fail with the reason.
 */
export function pushServiceStandIn(
  subscribers: Subscriber[],
  statusFor: (endpoint: string) => number = () => 201,
): { fetcher: PushFetch; received: Received[] } {
  const received: Received[] = [];
  const fetcher: PushFetch = async (request) => {
    const subscriber = subscribers.find((each) => each.endpoint === request.url);
    if (!subscriber) throw new Error(`the stand-in knows no endpoint ${request.url}`);
    if (request.method !== "POST") throw new Error("a push is a POST");
    if (request.headers.get("content-encoding") !== "aes128gcm") {
      throw new Error("the body is not aes128gcm");
    }
    if (!request.headers.get("ttl")) throw new Error("a push needs a TTL header");

    const match = /^vapid t=([^.]+)\.([^.]+)\.([^.,]+), k=(\S+)$/.exec(
      request.headers.get("authorization") ?? "",
    );
    if (!match) throw new Error("no VAPID authorization");
    const [, head = "", claims = "", signature = "", key = ""] = match;
    const verifier = await crypto.subtle.importKey(
      "raw",
      fromBase64Url(key) ?? new Uint8Array(),
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["verify"],
    );
    const valid = await crypto.subtle.verify(
      { name: "ECDSA", hash: "SHA-256" },
      verifier,
      fromBase64Url(signature) ?? new Uint8Array(),
      new TextEncoder().encode(`${head}.${claims}`),
    );
    if (!valid) throw new Error("the VAPID signature does not verify");
    const audience = String(decodePart(claims).aud);
    if (audience !== new URL(request.url).origin) throw new Error("wrong VAPID audience");

    const body = new Uint8Array(await request.arrayBuffer());
    const plain = await decryptPushMessage(body, subscriber);
    received.push({
      endpoint: request.url,
      message: JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>,
      vapidKey: key,
      audience,
    });
    return new Response(null, { status: statusFor(request.url) });
  };
  return { fetcher, received };
}
