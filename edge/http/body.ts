import type { Context } from "hono";
import { ApiError } from "./errors";

const ACCEPTED_TYPES = ["application/json", "text/plain"];

/**
 * Reads a JSON body of at most `maxBytes`. `text/plain` is accepted because
 * that is what `navigator.sendBeacon` and CORS-simple requests send.
 */
export async function readJson(
  c: Context,
  maxBytes: number,
  /** What to send instead, said in the 413's message. */
  advice = "send a smaller body",
): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (!type || !ACCEPTED_TYPES.includes(type)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the body as application/json (text/plain is accepted for beacons).",
      "content-type",
    );
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes, advice);

  const text = await readLimited(c.req.raw, maxBytes, advice);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.", "body");
  }
}

function tooLarge(maxBytes: number, advice: string): ApiError {
  return new ApiError(
    413,
    "payload_too_large",
    `The body is larger than ${maxBytes} bytes; ${advice}.`,
    "body",
  );
}

// Content-Length can be absent (chunked bodies), so the limit is enforced
// while reading, not only from the header.
async function readLimited(
  request: Request,
  maxBytes: number,
  advice: string,
): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes, advice);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
