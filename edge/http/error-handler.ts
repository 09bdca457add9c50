import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ErrorBody } from "../contract";
import type { AppEnv } from "./app-env";
import { ApiError } from "./errors";
import { logError } from "./log";

/** Turns a thrown error into the API's JSON error shape. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        field: error.field,
        ...error.details,
      },
    };
    return c.json(body, error.status, error.headers);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const body: ErrorBody = { error: { code: "bad_request", message: error.message } };
    return c.json(body, error.status);
  }

  const requestId = c.get("requestId");
  logError(error.message, {
    requestId,
    site: c.req.param("site"),
    path: c.req.path,
    stack: error.stack,
  });
  const body: ErrorBody = {
    error: {
      code: "internal_error",
      message: `Something went wrong on our side. Try again; if it keeps happening, report request ${requestId}.`,
    },
  };
  return c.json(body, 500);
}
