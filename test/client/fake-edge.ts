/**
 * A stand-in for the edge's public HTTP contract (edge/contract.ts), served
 * through a `fetch` function. `GET /v1/sites/:site/page` answers a
 * PageResponse with the requested widgets. `POST /v1/sites/:site/operations`
 * behaves as edge/routes/operations.ts does: text/plain or JSON bodies of at
 * most 64 KiB (413 beyond), a batch refused whole with a 400 naming the first
 * invalid action by index, ids stored once, and, with `ceiling`, each
 * operation admitted up to that many actions per calendar minute: the rest
 * answered as `rejected` (202) or, when nothing is admitted, as a 429 with
 * Retry-After. The real edge is exercised by the end-to-end tests.
 */
import type {
  ActionInput,
  ErrorBody,
  OperationsResponse,
  PageResponse,
  ProductCard,
  WidgetPayload,
} from "../../edge/contract";
import { OPERATIONS } from "../../edge/contract";
import { recommendationDefaults } from "../../templates/recommendations/settings";
import { isRecord } from "../../templates/validation";

export const EDGE = "https://edge.test";
// Each test gets a site of its own (see resetPage): the runtimes of earlier
// tests live on in the window, which vitest shares within a file, and like
// other tabs of the same shop they would send this test's queue.
export let SITE = "shop-1";
export let SCRIPT_URL = `${EDGE}/v1/sites/${SITE}/runtime.js`;
export let OPERATIONS_URL = `${EDGE}/v1/sites/${SITE}/operations`;
let sites = 1;

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

/** One POST to the operations route, whatever it was answered. */
export interface Batch {
  body: { actions: ActionInput[] };
  init: RequestInit;
  /** Epoch ms (the fake clock's, under fake timers). */
  at: number;
  status: number;
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
  /** Actions of one operation admitted per calendar minute. */
  ceiling?: number;
  /** Answers a POST instead of the edge when it returns a response (the
   * batch is still recorded); `attempt` counts from 0. */
  operations?: (batch: Batch, attempt: number) => Response | undefined;
}

const MAX_BODY = 64 * 1024;
const ACTION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const MONTH = 30 * 24 * 60 * 60 * 1000;

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function error(
  status: number,
  code: string,
  field?: string,
  headers: HeadersInit = {},
  facts: Record<string, unknown> = {},
): Response {
  const body: ErrorBody = { error: { code, message: `${code}.`, field, ...facts } };
  return json(body, status, headers);
}

/** The field of the first invalid action, as edge/actions/validate.ts names it. */
function invalidField(actions: unknown, now: number): string | undefined {
  if (!Array.isArray(actions) || actions.length < 1 || actions.length > 100) {
    return "actions";
  }
  for (const [index, action] of actions.entries()) {
    const at = `actions.${index}`;
    if (!isRecord(action)) return at;
    if (typeof action.id !== "string" || !ACTION_ID.test(action.id)) return `${at}.id`;
    if (!OPERATIONS.some((known) => known === action.operation)) return `${at}.operation`;
    if (typeof action.at !== "number" || action.at < now - MONTH) return `${at}.at`;
    if (action.at > now + 5 * 60_000) return `${at}.at`;
    if (action.device !== undefined && !DEVICE_ID.test(String(action.device))) {
      return `${at}.device`;
    }
    if (!isRecord(action.data)) return `${at}.data`;
  }
  return undefined;
}

export function fakeEdge(options: FakeEdgeOptions = {}): FakeEdge {
  const edge: FakeEdge = { fetch: route, pageRequests: [], batches: [], stored: [] };
  // Admitted actions per operation in the current minute.
  const counts = new Map<string, number>();
  let minute = 0;

  function operations(init: RequestInit | undefined): Response {
    const type = new Headers(init?.headers).get("Content-Type") ?? "";
    if (!type.startsWith("text/plain") && !type.startsWith("application/json")) {
      return error(415, "unsupported_media_type", "content-type");
    }
    const text = String(init?.body);
    const now = Date.now();
    const batch: Batch = { body: { actions: [] }, init: init ?? {}, at: now, status: 0 };
    edge.batches.push(batch);
    const answer = (response: Response): Response => {
      batch.status = response.status;
      return response;
    };
    if (new TextEncoder().encode(text).length > MAX_BODY) {
      return answer(error(413, "payload_too_large", "body"));
    }
    const body: unknown = JSON.parse(text);
    batch.body = isRecord(body) ? (body as { actions: ActionInput[] }) : batch.body;
    const custom = options.operations?.(batch, edge.batches.length - 1);
    if (custom) return answer(custom);

    const field = isRecord(body) ? invalidField(body.actions, now) : "body";
    if (field) return answer(error(400, "invalid_action", field));

    const current = Math.floor(now / 60_000);
    if (current !== minute) counts.clear();
    minute = current;
    const retryAfter = Math.max(1, Math.ceil(((current + 1) * 60_000 - now) / 1000));
    const admitted: ActionInput[] = [];
    const rejected: OperationsResponse["rejected"] = [];
    const unique = batch.body.actions.filter(
      (action, index, all) => all.findIndex((one) => one.id === action.id) === index,
    );
    for (const action of unique) {
      const count = counts.get(action.operation) ?? 0;
      const ceiling = options.ceiling ?? Number.POSITIVE_INFINITY;
      if (count < ceiling) {
        counts.set(action.operation, count + 1);
        admitted.push(action);
      } else {
        rejected.push({
          id: action.id,
          operation: action.operation,
          ceiling,
          retryAfter,
        });
      }
    }
    const retry = { "Retry-After": String(retryAfter) };
    if (admitted.length === 0) {
      const first = rejected[0];
      return answer(
        error(429, "ceiling_reached", "actions", retry, {
          operation: first?.operation,
          ceiling: first?.ceiling,
          retryAfter,
        }),
      );
    }

    let stored = 0;
    for (const action of admitted) {
      if (edge.stored.some((known) => known.id === action.id)) continue;
      edge.stored.push(action);
      stored++;
    }
    const result: OperationsResponse = {
      stored,
      duplicates: admitted.length - stored,
      rejected,
    };
    return answer(json(result, 202, rejected.length > 0 ? retry : {}));
  }

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
      return error(404, "not_found");
    }

    if (method === "GET" && path[4] === "page") {
      edge.pageRequests.push({ url, init });
      if (options.page) return options.page(url);
      const wanted = (url.searchParams.get("widgets") ?? "").split(",");
      const body: PageResponse = {
        site: { id: SITE, name: "Tea shop", locale: "en-US", currency: "USD" },
        widgets: (options.widgets ?? []).filter((one) => wanted.includes(one.id)),
        popups: [],
      };
      return json(body);
    }

    if (method === "POST" && path[4] === "operations") return operations(init);
    return error(404, "not_found");
  }

  return edge;
}

/** Calls `window.vitrine` as a page script would. */
export function vitrine(...args: unknown[]): void {
  const fn = Reflect.get(window, "vitrine") as (...args: unknown[]) => void;
  fn(...args);
}

/** Lets timers of 0 ms (the sender's batch) and the requests they make run:
 * a few tasks, as happy-dom reads response bodies in a task of their own. */
export async function nextTask(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resets what a runtime leaves on the shared happy-dom window and moves
 * on to a new site, out of reach of earlier tests' runtimes. */
export function resetPage(): void {
  Reflect.deleteProperty(window, "vitrine");
  document.body.replaceChildren();
  localStorage.clear();
  history.replaceState(null, "", "/");
  sites++;
  SITE = `shop-${sites}`;
  SCRIPT_URL = `${EDGE}/v1/sites/${SITE}/runtime.js`;
  OPERATIONS_URL = `${EDGE}/v1/sites/${SITE}/operations`;
}
