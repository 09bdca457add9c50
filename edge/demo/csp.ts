import { DEMO_SITE } from "./catalog";
import { snippetFor } from "./snippet";

/**
 * The demo shop's Content-Security-Policy: as strict as a careful merchant's,
 * so that the demo (and every end-to-end test, which runs on it) proves that
 * Vitrine works under one. No 'unsafe-inline' anywhere: the pasted snippet is
 * allowed by its hash, as the README tells merchants to do; Vitrine's styles
 * are constructed stylesheets and CSSOM, which `style-src` does not block.
 */
export async function demoCsp(origin: string): Promise<string> {
  const tag = snippetFor(`${origin}/v1/sites/${DEMO_SITE}/runtime.js`);
  const inline = tag.slice("<script>".length, -"</script>".length);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(inline));
  const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}
