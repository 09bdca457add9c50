import { compare, floor, type Rational, ratio, sub, sum } from "./rational";

/**
 * Turns exact shares ("quotas") that add up to a whole number of minor units
 * into whole minor units that add up to exactly the same total, by largest
 * remainder (Hamilton's method): every share first gets its quota rounded
 * down; the units still missing go, one each, to the shares with the largest
 * fractional parts. Each result is its quota rounded down or up, never
 * further from it, so a share that is exactly whole is never touched.
 *
 * Ties (equal fractional parts) go to the earlier share: in a cart, the line
 * the shopper added first. That rule is arbitrary but stable, so the same
 * cart always gets the same cents.
 */
export function apportion(total: bigint, quotas: Rational[]): bigint[] {
  if (compare(sum(quotas), ratio(total)) !== 0) {
    throw new RangeError("The quotas to apportion must add up to the total.");
  }
  const shares = quotas.map(floor);
  const missing = total - shares.reduce((a, b) => a + b, 0n);

  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: sub(quota, ratio(shares[index] ?? 0n)) }))
    .sort((a, b) => compare(b.remainder, a.remainder) || a.index - b.index);
  for (const { index } of byRemainder.slice(0, Number(missing))) {
    shares[index] = (shares[index] ?? 0n) + 1n;
  }
  return shares;
}
