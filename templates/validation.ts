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
