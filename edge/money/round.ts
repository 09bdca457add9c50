import { floor, type Rational, ratio } from "./rational";

/**
 * How a value exactly halfway between two multiples of the step is rounded.
 * Values nearer to one multiple always go to that one.
 *
 * - `half-up` ("mathematical" or "commercial" rounding) rounds halves away
 *   from zero: 3.5 → 4, 4.5 → 5, −2.5 → −3. Away from zero rather than
 *   towards +∞ so that rounding is symmetric, round(−x) = −round(x): a
 *   refund or a discount written as a negative amount rounds to the same
 *   magnitude as the positive one, whichever sign convention a report uses.
 *   It is also what ROUND_HALF_UP means in Java's BigDecimal, Python's
 *   decimal module and most accounting software, so numbers agree with
 *   the merchant's other systems.
 * - `half-even` (banker's rounding) rounds halves to the even multiple:
 *   3.5 → 4, 4.5 → 4, −2.5 → −2. Over many amounts its errors cancel out
 *   instead of drifting upwards, which is why accountants like it.
 */
export const ROUNDING_MODES = ["half-up", "half-even"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * Rounds an exact amount of minor units to the nearest multiple of `step`
 * minor units (1 = to the cent, 5 = to 0.05, 1000 = to 10.00), once.
 *
 * With a step, "even" means an even multiple of the step: to 0.05, 1.025 is
 * 20.5 steps and half-even gives 20 steps (1.00), half-up 21 (1.05).
 */
export function roundToStep(value: Rational, step: bigint, mode: RoundingMode): bigint {
  if (step < 1n)
    throw new RangeError("The rounding step must be at least one minor unit.");
  const steps = ratio(value.num, value.den * step);
  const below = floor(steps);
  // The remainder is steps − below, in [0, 1), as a fraction over steps.den.
  const twiceRemainder = 2n * (steps.num - below * steps.den);

  let rounded: bigint;
  if (twiceRemainder < steps.den) rounded = below;
  else if (twiceRemainder > steps.den) rounded = below + 1n;
  else if (mode === "half-even") rounded = below % 2n === 0n ? below : below + 1n;
  // A half: away from zero. `below` is the lower neighbour, which is the
  // one farther from zero when the value is negative.
  else rounded = steps.num >= 0n ? below + 1n : below;

  return rounded * step;
}
