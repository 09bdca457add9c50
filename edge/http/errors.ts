import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * A problem with the caller's request: answered with its status and a JSON
 * body naming the field and what was expected. Anything else thrown inside a
 * handler is our bug and becomes a logged 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
    /** Machine-readable facts about the problem, added to the body. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (field: string, message: string) =>
  new ApiError(400, "invalid_request", `${field} ${message}.`, field);

export const notFound = (what: string) =>
  new ApiError(404, "not_found", `${what} does not exist.`);
