/** Ids that appear in URLs and keys: sites, widgets, products, devices. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

export const ID_RULE = "must be 1 to 64 letters, digits, '_', '.', ':' or '-'";
