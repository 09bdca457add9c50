/**
 * The push services whose endpoints are accepted. A subscription's endpoint
 * is a URL the edge will later POST to, chosen by whoever reports the
 * subscription; accepting any URL would let anyone make the edge call any
 * host. Browsers only ever hand out endpoints of their vendor's service:
 * Chrome and Edge on FCM, Firefox on Mozilla's autopush, Safari on Apple's,
 * legacy Edge on WNS. Another browser's service needs a line here.
 */
const EXACT_HOSTS = [
  "fcm.googleapis.com",
  "updates.push.services.mozilla.com",
  "web.push.apple.com",
];
const HOST_SUFFIXES = [".push.apple.com", ".notify.windows.com"];

const MAX_ENDPOINT_LENGTH = 1024;

/** Why an endpoint is refused, as the end of a sentence; null if accepted. */
export function endpointProblem(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_ENDPOINT_LENGTH) {
    return `must be a URL of at most ${MAX_ENDPOINT_LENGTH} characters`;
  }
  if (!URL.canParse(value)) return "must be a URL";
  const url = new URL(value);
  if (url.protocol !== "https:") return "must be an https URL";
  if (url.username || url.password || url.port) {
    return "must not carry credentials or a port";
  }
  const host = url.hostname.toLowerCase();
  const known =
    EXACT_HOSTS.includes(host) ||
    HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
  if (!known) {
    return `must be an endpoint of a known push service (${[...EXACT_HOSTS, ...HOST_SUFFIXES.map((suffix) => `*${suffix}`)].join(", ")})`;
  }
  return null;
}
