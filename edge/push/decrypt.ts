import { contentKeys, ecdhSecret } from "./key-schedule";
import { importEcdhPrivate, importEcdhPublic } from "./p256";

/**
 * The browser's side of RFC 8291: decrypts a single-record aes128gcm body
 * with the subscription's private key and auth secret. The worker never
 * needs it; tests use it in their push-service stand-in, to prove that what
 * the edge sends is readable by the subscription it was meant for.
 */
export async function decryptPushMessage(
  body: Uint8Array,
  receiver: {
    privateJwk: JsonWebKey;
    point: Uint8Array;
    authSecret: Uint8Array<ArrayBuffer>;
  },
): Promise<Uint8Array> {
  const salt = body.slice(0, 16);
  const idLength = body[20] ?? 0;
  const senderPoint = body.slice(21, 21 + idLength);
  const record = body.slice(21 + idLength);

  const secret = await ecdhSecret(
    await importEcdhPrivate(receiver.privateJwk),
    await importEcdhPublic(senderPoint),
  );
  const { key, nonce } = await contentKeys({
    ecdhSecret: secret,
    authSecret: receiver.authSecret,
    salt,
    receiverPoint: receiver.point,
    senderPoint,
  });
  const padded = new Uint8Array(
    await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, record),
  );
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2)
    throw new Error("the record is not a last record (no 0x02 delimiter)");
  return padded.slice(0, end);
}
