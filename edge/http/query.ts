import { ApiError } from "./errors";
import { ID_RULE, isId } from "./identifiers";

/** Query parameter readers that throw the API's 400 on bad input. */
export function optionalId(value: string | undefined, field: string): string | null {
  if (value === undefined || value === "") return null;
  if (!isId(value))
    throw new ApiError(400, "invalid_request", `${field} ${ID_RULE}.`, field);
  return value;
}

export function idList(value: string | undefined, field: string, max: number): string[] {
  if (value === undefined || value === "") return [];
  const ids = [...new Set(value.split(","))];
  if (ids.length > max) {
    throw new ApiError(
      400,
      "invalid_request",
      `${field} must list at most ${max} ids.`,
      field,
    );
  }
  for (const id of ids) {
    if (!isId(id)) {
      throw new ApiError(
        400,
        "invalid_request",
        `${field} must be a comma-separated list of ids; each ${ID_RULE}.`,
        field,
      );
    }
  }
  return ids;
}

export function optionalText(value: string | undefined, field: string, max: number) {
  if (value === undefined || value === "") return null;
  if (value.length > max) {
    throw new ApiError(
      400,
      "invalid_request",
      `${field} must be at most ${max} characters.`,
      field,
    );
  }
  return value;
}
