import { createSecret, hashSecret, SECRET_PREFIX } from "../auth/secret";

/** Prefix of integration keys, unlike admin keys' `vt_sk_`, so that a key
 * found in a log says what it opens. */
export const INTEGRATION_KEY_PREFIX = "vt_ik_";

export interface NewKey {
  /** Shown once, in the answer that made it; never stored. */
  key: string;
  hash: string;
  hint: string;
}

/** A fresh key: 32 random bytes like an admin key, stored as SHA-256. */
export async function newIntegrationKey(): Promise<NewKey> {
  const key = INTEGRATION_KEY_PREFIX + createSecret().slice(SECRET_PREFIX.length);
  return { key, hash: await hashSecret(key), hint: key.slice(-4) };
}
