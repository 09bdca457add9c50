/** Dollars and cents from integer cents, without a float in between. The
 * demo shop sells in USD only. */
export function formatPrice(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `$${whole}.${String(cents % 100).padStart(2, "0")}`;
}
