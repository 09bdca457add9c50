/** The outcome of validating untrusted input: the value, or the first problem
 * found, naming the field (a dotted path) and what was expected. */
export type Validated<T> =
  | { ok: true; value: T }
  | { ok: false; field: string; message: string };

export function invalid(field: string, message: string): Validated<never> {
  return { ok: false, field, message };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A trimmed string of at most `max` characters. Empty is refused unless
 * `allowEmpty` (an optional text, such as a button that may be left out).
 */
export function text(
  value: unknown,
  field: string,
  max: number,
  allowEmpty = false,
): Validated<string> {
  if (typeof value !== "string") return invalid(field, "must be a string");
  const trimmed = value.trim();
  if (trimmed.length === 0 && !allowEmpty) return invalid(field, "must not be empty");
  if (trimmed.length > max) {
    return invalid(field, `must be at most ${max} characters`);
  }
  return { ok: true, value: trimmed };
}

export function integer(
  value: unknown,
  field: string,
  min: number,
  max: number,
): Validated<number> {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return invalid(field, "must be a whole number");
  }
  if (value < min || value > max) {
    return invalid(field, `must be between ${min} and ${max}`);
  }
  return { ok: true, value };
}

export function oneOf<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): Validated<T> {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return { ok: true, value: value as T };
  }
  return invalid(field, `must be one of: ${allowed.join(", ")}`);
}

/** A colour as `#rrggbb`, returned in lower case. */
export function color(value: unknown, field: string): Validated<string> {
  if (typeof value !== "string" || !/^#[0-9a-f]{6}$/i.test(value)) {
    return invalid(field, "must be a colour like #1f6f5c");
  }
  return { ok: true, value: value.toLowerCase() };
}

/**
 * Refuses a field of `input` that `known` does not list, so that a typo is
 * not silently ignored.
 */
export function onlyKnown(
  input: Record<string, unknown>,
  known: object,
  prefix: string,
): Validated<never> | undefined {
  const unknown = Object.keys(input).find((key) => !Object.hasOwn(known, key));
  return unknown === undefined
    ? undefined
    : invalid(`${prefix}.${unknown}`, "is not a known setting");
}
