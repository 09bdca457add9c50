/** A base64url VAPID key as the bytes `pushManager.subscribe` wants. */
export function keyBytes(key: string): Uint8Array<ArrayBuffer> {
  const base64 = key.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

/** Whether a subscription was made with `key`; null when the browser does
 * not say (`options.applicationServerKey` is missing in some browsers). */
export function madeWithKey(subscription: PushSubscription, key: string): boolean | null {
  const used = subscription.options?.applicationServerKey;
  if (!used) return null;
  const expected = keyBytes(key);
  const actual = new Uint8Array(used);
  return (
    actual.length === expected.length &&
    actual.every((byte, index) => byte === expected[index])
  );
}
