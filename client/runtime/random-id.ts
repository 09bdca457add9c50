// 64 URL-safe characters, so each random byte's low 6 bits pick one evenly.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/** A random URL-safe id: 22 characters carry 132 random bits. */
export function randomId(length = 22): string {
  const bytes = new Uint8Array(length);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    // Only very old or stubbed environments lack it; ids then merely need
    // to be unlikely to repeat on one device, not unguessable.
    for (let i = 0; i < length; i++) bytes[i] = Math.random() * 256;
  }

  let id = "";
  for (const byte of bytes) id += ALPHABET.charAt(byte & 63);
  return id;
}
