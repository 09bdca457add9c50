import type { Log } from "./logger";
import type { PageContext } from "./page-context";
import { type PageAnswer, parsePageResponse } from "./page-response";

export interface PageQuery {
  url: string;
  device: string;
  context: PageContext;
  /** Placeholder ids found on the page, in document order. */
  widgets: string[];
}

/** `GET <endpoint>?url=…&device=…&type=…&product=…&category=…&cart=…&widgets=…`,
 * leaving out empty parameters but `widgets`: empty, it asks for none,
 * where leaving it out would ask for every widget of the page type. */
export function pageUrl(endpoint: string, query: PageQuery): string {
  const { context } = query;
  const params = new URLSearchParams();
  const entries: [string, string | undefined][] = [
    ["url", query.url],
    ["device", query.device],
    ["type", context.type],
    ["product", context.product],
    ["category", context.category],
    ["cart", context.cart.join(",")],
    ["widgets", query.widgets.join(",")],
  ];
  for (const [name, value] of entries) {
    if (value || name === "widgets") params.set(name, value ?? "");
  }
  return `${endpoint}?${params}`;
}

/** Asks the edge for one page; any failure gives undefined, never a throw. */
export async function fetchPage(
  request: typeof fetch,
  url: string,
  log: Log,
): Promise<PageAnswer | undefined> {
  try {
    // No cookies: the edge identifies the browser by the device id alone.
    const response = await request(url, { credentials: "omit" });
    const page = response.ok ? parsePageResponse(await response.json()) : undefined;
    if (!page) log("page not loaded", response.status);
    return page;
  } catch (error) {
    log("page not loaded", error);
    return undefined;
  }
}
