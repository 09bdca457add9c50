import { concatBytes } from "./base64url";
import { contentKeys, ecdhSecret } from "./key-schedule";
import {
  type EcdhKeyPair,
  generateEcdhKeyPair,
  importEcdhPublic,
  isUncompressedPoint,
} from "./p256";

/** The record size written in the header. One record carries the whole
 * message, so any size at least as large as the record would do; 4096 is
 * what push services accept as a whole body. */
const RECORD_SIZE = 4096;
const HEADER_BYTES = 16 + 4 + 1 + 65;
/** AES-GCM's tag and RFC 8188's one-byte delimiter. */
const OVERHEAD = 16 + 1;
/** The largest payload whose encrypted body still fits in 4096 bytes, the
 * most RFC 8030 §7.2 obliges a push service to accept. */
export const MAX_PAYLOAD_BYTES = RECORD_SIZE - HEADER_BYTES - OVERHEAD;

/** What a push subscription's `keys` hold, decoded. */
export interface ReceiverKeys {
  /** `p256dh`: the browser's P-256 public key, an uncompressed point. */
  point: Uint8Array<ArrayBuffer>;
  /** `auth`: 16 random bytes the browser shares only with us. */
  authSecret: Uint8Array<ArrayBuffer>;
}

/** Fixed inputs, for reproducing RFC 8291's example; every real message
 * gets a fresh key pair and salt. */
export interface EncryptionInputs {
  sender?: EcdhKeyPair;
  salt?: Uint8Array<ArrayBuffer>;
}

/**
 * Encrypts one push message for one subscription: RFC 8291 (Message
 * Encryption for Web Push) with the aes128gcm content coding of RFC 8188,
 * as a single record. The answer is the whole request body: header (salt,
 * record size, the sender's public key) and the encrypted record.
 */
export async function encryptPushMessage(
  payload: Uint8Array,
  receiver: ReceiverKeys,
  inputs: EncryptionInputs = {},
): Promise<Uint8Array<ArrayBuffer>> {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`a push payload holds at most ${MAX_PAYLOAD_BYTES} bytes`);
  }
  if (!isUncompressedPoint(receiver.point) || receiver.authSecret.byteLength !== 16) {
    throw new RangeError(
      "the subscription's keys are not a P-256 key and 16-byte secret",
    );
  }
  const sender = inputs.sender ?? (await generateEcdhKeyPair());
  const salt = inputs.salt ?? crypto.getRandomValues(new Uint8Array(16));

  const secret = await ecdhSecret(
    sender.privateKey,
    await importEcdhPublic(receiver.point),
  );
  const { key, nonce } = await contentKeys({
    ecdhSecret: secret,
    authSecret: receiver.authSecret,
    salt,
    receiverPoint: receiver.point,
    senderPoint: sender.publicPoint,
  });
  // 0x02 marks the last (here the only) record; no padding follows.
  const record = concatBytes(payload, Uint8Array.of(2));
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce }, key, record);

  const header = new Uint8Array(HEADER_BYTES);
  header.set(salt, 0);
  new DataView(header.buffer).setUint32(16, RECORD_SIZE);
  header[20] = sender.publicPoint.byteLength;
  header.set(sender.publicPoint, 21);
  return concatBytes(header, new Uint8Array(sealed));
}
