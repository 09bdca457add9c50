/** Field names whose values a call record never keeps: anything named
 * like a key, secret, token, password, auth or credential, in any case.
 * Masking too much (a `monkey` field) costs a merchant a value in a log;
 * too little leaks. */
const SECRET_NAME = /key|secret|token|passw(or)?d|auth|credential/i;
export const MASK = "***";

/** Payloads are cut to this many bytes of UTF-8 after masking. */
export const MAX_PAYLOAD_BYTES = 4096;

// Beyond this depth values are replaced, not walked: a body of nested
// arrays 10,000 deep must not exhaust the stack of the recording task.
const MAX_DEPTH = 32;

/** The value with every secret-named field's value replaced by MASK. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      SECRET_NAME.test(name) ? MASK : maskSecrets(item, depth + 1),
    ]),
  );
}

// For bodies that are not JSON: `name=value`, `name: value` and
// `"name": "value"` where the name looks secret, also URL-encoded
// (`password%3Dhunter2`), which is decoded before it is matched.
const SECRET_PAIR =
  /("?[\w.-]*(?:key|secret|token|passw(?:or)?d|auth|credential)[\w.-]*"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s&,;}]+)/gi;

/** A request body as a call record keeps it: secrets masked, then cut to
 * MAX_PAYLOAD_BYTES. JSON is masked by field name; other text by pattern. */
export function recordedPayload(text: string): { payload: string; truncated: boolean } {
  let masked: string;
  try {
    masked = JSON.stringify(maskSecrets(JSON.parse(text)));
  } catch {
    masked = decoded(text).replace(SECRET_PAIR, (_all, name: string) => `${name}${MASK}`);
  }
  return cutToBytes(masked, MAX_PAYLOAD_BYTES);
}

/** `text` with its percent-escapes decoded, or as it is when they are
 * malformed: a secret must not hide behind `%3D`. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

/** The longest prefix of `text` within `max` bytes of UTF-8, never ending
 * inside a character. */
export function cutToBytes(
  text: string,
  max: number,
): { payload: string; truncated: boolean } {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength <= max) return { payload: text, truncated: false };
  let end = max;
  // Step back over continuation bytes (10xxxxxx) to a character's start.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return { payload: new TextDecoder().decode(bytes.subarray(0, end)), truncated: true };
}

/** The request headers a record keeps. Authorization says only its
 * scheme: the integration is named by the record already. */
export function recordedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["content-type", "content-length", "user-agent", "origin"]) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 256);
  }
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    kept.authorization = `${authorization.split(/\s+/)[0]?.slice(0, 16) ?? ""} ${MASK}`;
  }
  return kept;
}
