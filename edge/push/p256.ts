import { concatBytes, fromBase64Url, toBase64Url } from "./base64url";

const CURVE = { name: "ECDH", namedCurve: "P-256" } as const;

/** An uncompressed P-256 point: 0x04, then x and y of 32 bytes each. */
export const POINT_BYTES = 65;

export function isUncompressedPoint(bytes: Uint8Array): boolean {
  return bytes.byteLength === POINT_BYTES && bytes[0] === 4;
}

/** The JWK of a P-256 private key given as the raw scalar `d` and its
 * public point: Web Crypto imports private EC keys only as JWK or PKCS #8. */
export function privateJwk(d: Uint8Array, point: Uint8Array): JsonWebKey {
  return {
    kty: "EC",
    crv: "P-256",
    d: toBase64Url(d),
    x: toBase64Url(point.slice(1, 33)),
    y: toBase64Url(point.slice(33, 65)),
    ext: true,
  };
}

/** The uncompressed point of a public JWK. */
export function pointOfJwk(jwk: JsonWebKey): Uint8Array<ArrayBuffer> {
  const x = fromBase64Url(jwk.x ?? "");
  const y = fromBase64Url(jwk.y ?? "");
  if (!x || !y || x.byteLength !== 32 || y.byteLength !== 32) {
    throw new Error("the JWK is not a P-256 public key");
  }
  return concatBytes(Uint8Array.of(4), x, y);
}

export function importEcdhPublic(point: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", point, CURVE, true, []);
}

export function importEcdhPrivate(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey("jwk", jwk, CURVE, false, ["deriveBits"]);
}

export interface EcdhKeyPair {
  privateKey: CryptoKey;
  /** The public key as an uncompressed point. */
  publicPoint: Uint8Array<ArrayBuffer>;
}

/** A fresh ECDH key pair, as each push message uses once. */
export async function generateEcdhKeyPair(): Promise<EcdhKeyPair> {
  const pair = (await crypto.subtle.generateKey(CURVE, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicPoint: new Uint8Array(raw as ArrayBuffer),
  };
}
