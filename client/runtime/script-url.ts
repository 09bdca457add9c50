/** Where the runtime came from: the edge's base URL and the site id. */
export interface Edge {
  /** Origin plus any path prefix before `/v1`, without a trailing slash. */
  base: string;
  site: string;
}

const RUNTIME_PATH = /^(.*)\/v1\/sites\/([^/]+)\/runtime\.js$/;

/**
 * Reads the edge and the site from the runtime's own URL
 * (`https://edge.example/v1/sites/<site>/runtime.js`), so that the page needs
 * no configuration beyond the snippet.
 */
export function parseScriptUrl(scriptUrl: string): Edge | undefined {
  try {
    const url = new URL(scriptUrl);
    const match = RUNTIME_PATH.exec(url.pathname);
    if (!match) return undefined;
    const site = decodeURIComponent(match[2] ?? "");
    if (!site) return undefined;
    return { base: url.origin + (match[1] ?? ""), site };
  } catch {
    return undefined;
  }
}

/** `<base>/v1/sites/<site>/<path>`. */
export function edgeUrl(edge: Edge, path: string): string {
  return `${edge.base}/v1/sites/${encodeURIComponent(edge.site)}/${path}`;
}
