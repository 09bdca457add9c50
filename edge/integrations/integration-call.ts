import type { Context, MiddlewareHandler } from "hono";
import { hashSecret } from "../auth/secret";
import type { Operation } from "../contract";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { logError } from "../http/log";
import { insertCallRecord, namedOperations } from "./call-record";
import type { Integration } from "./integration";
import { recordedHeaders, recordedPayload } from "./mask";
import { integrationByKeyHash } from "./store";

/** The integration each request was authenticated as. Kept beside the
 * request rather than in AppEnv's variables, which every route shares. */
const callers = new WeakMap<object, Integration>();

// More than any operation route accepts (64 KiB); past it the record
// keeps a cut text, the route has answered 413 anyway.
const MAX_READ_BYTES = 96 * 1024;

/**
 * Authenticates calls to the operation routes that carry
 * `Authorization: Bearer <integration key>` and records each of them for
 * monitoring. Calls without the header pass untouched: the storefront
 * runtime calls these routes anonymously from shoppers' browsers, and a
 * browser cannot hold a secret. A header that is there must be right:
 * unknown, rotated or revoked keys get 401, another site's key 403.
 *
 * The record is written after the answer is sent (`waitUntil`), so
 * monitoring adds no database write to the call's time. Only the request
 * body is read before answering, from the copy kept in memory, because
 * workerd refuses to read a request's body once its response is sent.
 */
export const integrationCall: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  if (header === undefined) return next();

  const started = Date.now();
  const integration = await authenticate(c, header);
  callers.set(c.req.raw, integration);
  const copy = c.req.raw.clone();

  // A single-operation route (`/operations/CalculateCart`, and any added
  // later) is checked here, before it runs, so a new route is closed to
  // integrations that were not granted it even if it never asks. Batches
  // are checked by their route, which knows their operations.
  const single = SINGLE_OPERATION.exec(c.req.path)?.[1];
  const refusal =
    integration.revokedAt !== null
      ? revoked(integration)
      : single !== undefined && !integration.operations.includes(single as Operation)
        ? notAllowed(integration, single)
        : undefined;
  if (refusal) {
    record(c, integration, copy, started, await readCapped(copy.body), refusal);
    throw refusal;
  }

  await next();
  record(c, integration, copy, started, await readCapped(copy.body), c.error);
};

const SINGLE_OPERATION = /\/operations\/([^/]+)$/;

function revoked(integration: Integration): ApiError {
  return new ApiError(
    401,
    "integration_revoked",
    `Integration "${integration.name}" was revoked, so its key no longer works. Create a new integration in the back office and use its key.`,
    "authorization",
    { "WWW-Authenticate": 'Bearer realm="vitrine", error="invalid_token"' },
  );
}

function notAllowed(integration: Integration, operation: string): ApiError {
  return new ApiError(
    403,
    "operation_not_allowed",
    `Integration "${integration.name}" may not call ${operation}, so nothing of this request was stored. Allow ${operation} for it in the back office (Integrations), or leave it out.`,
    "operation",
    {},
    { operation },
  );
}

/**
 * Refuses the whole request (403, nothing stored, nothing counted) when
 * the call's integration may not use one of `operations`. Anonymous calls
 * pass. Called by the batch route once it knows the batch's operations.
 */
export function requireIntegrationScope(
  c: Context<AppEnv>,
  operations: Iterable<Operation>,
): void {
  const integration = callers.get(c.req.raw);
  if (!integration) return;
  for (const operation of operations) {
    if (!integration.operations.includes(operation)) {
      throw notAllowed(integration, operation);
    }
  }
}

async function authenticate(c: Context<AppEnv>, header: string): Promise<Integration> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(
      401,
      "unauthorized",
      "Send the integration's key as `Authorization: Bearer <key>`, or no Authorization header for anonymous storefront calls.",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine"' },
    );
  }
  const integration = await integrationByKeyHash(c.env.DB, await hashSecret(match[1]));
  if (!integration) {
    throw new ApiError(
      401,
      "unknown_key",
      "This key is not a current integration key: it may have been rotated, or mistyped. Use the integration's current key from the back office (Integrations).",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine", error="invalid_token"' },
    );
  }
  if (integration.siteId !== c.get("site").id) {
    throw new ApiError(
      403,
      "forbidden",
      "This integration key belongs to another site. Use a key of this site's integrations.",
      "authorization",
    );
  }
  return integration;
}

function record(
  c: Context<AppEnv>,
  integration: Integration,
  copy: { method: string; url: string; headers: Headers },
  started: number,
  body: string,
  error: Error | undefined,
): void {
  const status = error instanceof ApiError ? error.status : c.res.status;
  const problem =
    error instanceof ApiError
      ? { code: error.code, message: error.message }
      : status >= 500
        ? { code: "internal_error", message: error?.message ?? "" }
        : null;
  const at = Date.now();
  const fixed = SINGLE_OPERATION.exec(c.req.path)?.[1]?.slice(0, 64) ?? null;
  const { payload, truncated } = recordedPayload(body);
  const write = insertCallRecord(c.env.DB, {
    siteId: integration.siteId,
    integrationId: integration.id,
    at: started,
    requestId: c.get("requestId"),
    method: copy.method,
    path: new URL(copy.url).pathname,
    operations: namedOperations(body, fixed),
    status,
    durationMs: at - started,
    errorCode: problem?.code ?? null,
    errorMessage: problem?.message.slice(0, 1000) ?? null,
    payload,
    payloadTruncated: truncated,
    headers: recordedHeaders(copy.headers),
  })
    .run()
    .then(
      () => undefined,
      // A lost record must not turn a served call into a failure.
      (failure: unknown) =>
        logError("integration call record not written", {
          site: integration.siteId,
          integration: integration.id,
          requestId: c.get("requestId"),
          reason: failure instanceof Error ? failure.message : String(failure),
        }),
    );
  c.executionCtx.waitUntil(write);
}

async function readCapped(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= MAX_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    if (size > MAX_READ_BYTES) await reader.cancel();
  } catch {
    // A body the client broke off: record what arrived.
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, MAX_READ_BYTES));
}
