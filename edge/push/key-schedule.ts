import { concatBytes } from "./base64url";

const text = new TextEncoder();

async function hkdf(
  salt: Uint8Array<ArrayBuffer>,
  secret: Uint8Array<ArrayBuffer>,
  info: Uint8Array<ArrayBuffer>,
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt, info },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

export interface ContentKeys {
  /** The AES-128-GCM content encryption key. */
  key: CryptoKey;
  nonce: Uint8Array<ArrayBuffer>;
}

/**
 * RFC 8291 §3.3–3.4 and RFC 8188 §2.2: from the ECDH secret shared by the
 * two key pairs, the subscription's auth secret and the message's salt, the
 * content key and nonce. Both sides run it, with their own private key.
 */
export async function contentKeys(input: {
  ecdhSecret: Uint8Array<ArrayBuffer>;
  authSecret: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  receiverPoint: Uint8Array;
  senderPoint: Uint8Array;
}): Promise<ContentKeys> {
  const keyInfo = concatBytes(
    text.encode("WebPush: info\0"),
    input.receiverPoint,
    input.senderPoint,
  );
  const ikm = await hkdf(input.authSecret, input.ecdhSecret, keyInfo, 32);
  const cek = await hkdf(
    input.salt,
    ikm,
    text.encode("Content-Encoding: aes128gcm\0"),
    16,
  );
  const nonce = await hkdf(input.salt, ikm, text.encode("Content-Encoding: nonce\0"), 12);
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
  return { key, nonce };
}

export async function ecdhSecret(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await crypto.subtle.deriveBits(
    { name: "ECDH", public: publicKey },
    privateKey,
    256,
  );
  return new Uint8Array(bits);
}
