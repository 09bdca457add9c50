/** FNV-1a, 32 bits: tiny, stable across runtimes, good enough to spread
 * prices, colours and times. Not for anything secret. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}
