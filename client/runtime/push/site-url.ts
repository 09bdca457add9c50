import type { Edge } from "../script-url";

/**
 * A route of the site on the edge. script-url.ts has the same one-liner;
 * importing it from this chunk would make the chunk import the base
 * runtime's file, since a module both use stays in the base.
 */
export function siteUrl(edge: Edge, path: string): string {
  return `${edge.base}/v1/sites/${encodeURIComponent(edge.site)}/${path}`;
}
