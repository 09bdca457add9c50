/**
 * Writes an integer scaled by 10^decimals as a plain decimal string:
 * (250n, 2) → "2.50", (-5n, 2) → "-0.05", (1234n, 0) → "1234". This is the
 * form the API reads back, so what it writes can be sent again unchanged.
 */
export function formatScaled(value: bigint | number, decimals: number): string {
  const scaled = BigInt(value);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Like formatScaled, without the fraction's trailing zeros ("12.5000" →
 * "12.5"): for percentages, which have no fixed number of decimals. */
export function formatTrimmed(value: bigint | number, decimals: number): string {
  const text = formatScaled(value, decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
