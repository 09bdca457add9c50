/**
 * An exact fraction of two integers, for amounts between the moment a
 * percentage is applied and the moment the result is rounded: 12.5 % of
 * 1.99 is 0.24875, and keeping it as 24875/100000 of a cent means the only
 * rounding is the one the site chose, done once.
 *
 * The denominator is always positive; fractions are not reduced, because
 * nothing here compares them by their parts.
 */
export interface Rational {
  num: bigint;
  den: bigint;
}

export function ratio(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError("A fraction cannot have a zero denominator.");
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b; b must not be zero. */
export function div(a: Rational, b: Rational): Rational {
  return ratio(a.num * b.den, a.den * b.num);
}

/** Negative, zero or positive as a is less than, equal to or more than b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

export function sum(values: Rational[]): Rational {
  return values.reduce(add, ratio(0n));
}

/** The largest integer not above the fraction (towards −∞, also for
 * negatives: BigInt division alone truncates towards zero). */
export function floor(value: Rational): bigint {
  const quotient = value.num / value.den;
  return value.num % value.den < 0n ? quotient - 1n : quotient;
}

/** The smaller of two integers (Math.min does not take BigInts). */
export function smaller(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
