/**
 * A stand-in for the edge's public HTTP contract (edge/contract.ts), served
 * through a `fetch` function: `GET /v1/sites/:site/page` answers a
 * PageResponse with the requested widgets, `POST /v1/sites/:site/operations`
 * takes text/plain JSON, dedupes action ids and answers 202. The real edge is
 * exercised by the end-to-end tests.
 */
import type {
  ActionInput,
  OperationsRequest,
  OperationsResponse,
  PageResponse,
  ProductCard,
  WidgetPayload,
} from "../../edge/contract";
import { recommendationDefaults } from "../../templates/recommendations/settings";

export const EDGE = "https://edge.test";
export const SITE = "shop-1";
export const SCRIPT_URL = `${EDGE}/v1/sites/${SITE}/runtime.js`;

export function card(id: string, overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    id,
    name: `Product ${id}`,
    category: "tea",
    price: 1299,
    url: `https://shop.test/p/${id}`,
    image: `https://shop.test/img/${id}.jpg`,
    ...overrides,
  };
}

export function widget(id: string, items: ProductCard[]): WidgetPayload {
  return {
    id,
    template: "recommendations",
    settings: { ...recommendationDefaults, title: `Widget ${id}` },
    items,
  };
}

export interface Batch {
  body: OperationsRequest;
  init: RequestInit;
}

export interface FakeEdge {
  fetch: typeof fetch;
  pageRequests: { url: URL; init: RequestInit | undefined }[];
  batches: Batch[];
  /** Actions stored once each, in arrival order. */
  stored: ActionInput[];
}

export interface FakeEdgeOptions {
  widgets?: WidgetPayload[];
  /** Replaces the page route, e.g. to fail or answer garbage. */
  page?: (url: URL) => Response | Promise<Response>;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export function fakeEdge(options: FakeEdgeOptions = {}): FakeEdge {
  const edge: FakeEdge = { fetch: route, pageRequests: [], batches: [], stored: [] };

  async function route(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const path = url.pathname.split("/");
    if (
      url.origin !== EDGE ||
      path[1] !== "v1" ||
      path[2] !== "sites" ||
      path[3] !== SITE
    ) {
      return json({ error: { code: "not_found", message: "No such route." } }, 404);
    }

    if (method === "GET" && path[4] === "page") {
      edge.pageRequests.push({ url, init });
      if (options.page) return options.page(url);
      const wanted = (url.searchParams.get("widgets") ?? "").split(",");
      const body: PageResponse = {
        site: { id: SITE, name: "Tea shop", locale: "en-US", currency: "USD" },
        widgets: (options.widgets ?? []).filter((one) => wanted.includes(one.id)),
      };
      return json(body);
    }

    if (method === "POST" && path[4] === "operations") {
      const type = new Headers(init?.headers).get("Content-Type") ?? "";
      if (!type.startsWith("text/plain") && !type.startsWith("application/json")) {
        return json({ error: { code: "unsupported_media_type", message: "" } }, 415);
      }
      const body = JSON.parse(String(init?.body)) as OperationsRequest;
      edge.batches.push({ body, init: init ?? {} });
      let stored = 0;
      for (const action of body.actions) {
        if (edge.stored.some((known) => known.id === action.id)) continue;
        edge.stored.push(action);
        stored++;
      }
      const answer: OperationsResponse = {
        stored,
        duplicates: body.actions.length - stored,
      };
      return json(answer, 202);
    }

    return json({ error: { code: "not_found", message: "No such route." } }, 404);
  }

  return edge;
}

/** Calls `window.vitrine` as a page script would. */
export function vitrine(...args: unknown[]): void {
  const fn = Reflect.get(window, "vitrine") as (...args: unknown[]) => void;
  fn(...args);
}

/** Lets timers of 0 ms (the sender's batch) run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resets what a runtime leaves on the shared happy-dom window. */
export function resetPage(): void {
  Reflect.deleteProperty(window, "vitrine");
  document.body.replaceChildren();
  localStorage.clear();
  history.replaceState(null, "", "/");
}
