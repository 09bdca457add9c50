import { render } from "preact";
import { App } from "../../preview/src/app/App";
import type { PopupRecord } from "../../preview/src/popups/types";
import { createSessionStore } from "../../preview/src/session/session-store";
import { validatePopup } from "../../templates/popup/record";
import { type Call, fakeAdmin, KEY, product, SITE } from "./fake-admin";

/** happy-dom's own controls, which its DOM types do not declare. */
interface HappyDom {
  setURL(url: string): void;
  settings: {
    fetch: {
      interceptor: {
        beforeAsyncRequest(context: {
          request: Request;
          window: typeof globalThis;
        }): Promise<Response>;
      } | null;
    };
  };
}

const happyDom = (window as unknown as { happyDOM: HappyDom }).happyDOM;

/** Products of the sample, best sellers first, prices in cents. */
export const PRODUCTS = [
  { ...product("bread"), name: "Bread", price: 250 },
  { ...product("cheese"), name: "Cheese", price: 450 },
  { ...product("honey"), name: "Honey", price: 799 },
];

/**
 * fakeAdmin with the pop-up routes, in memory, answering as
 * edge/routes/admin/popups.ts does (which test/edge drives in workerd).
 * `refuse` makes the next save fail at a field, as only the edge knows
 * (a check the editor cannot run), to show how the form takes it.
 */
export function fakePopupsAdmin(
  options: {
    popups?: Record<string, unknown>[];
    refuse?: { field: string; message: string };
  } = {},
) {
  let refusal = options.refuse;
  const base = fakeAdmin({ products: PRODUCTS });
  const popups = new Map<string, PopupRecord>();
  for (const body of options.popups ?? []) {
    const { id, ...rest } = body as { id: string };
    const checked = validatePopup(id, rest);
    if (!checked.ok) throw new Error(`${id}: ${checked.field} ${checked.message}`);
    popups.set(id, { ...checked.value, updatedAt: 1 });
  }
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const refuse = (status: number, code: string, message: string, field?: string) =>
    json({ error: { code, message, field } }, status);

  async function request(input: RequestInfo | URL, init: RequestInit = {}) {
    const url = new URL(String(input), "http://editor.test");
    const prefix = `/v1/sites/${SITE}/admin/popups`;
    if (!url.pathname.startsWith(prefix)) return base.request(input, init);
    const method = init.method ?? "GET";
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    const rest = url.pathname.slice(prefix.length);
    calls.push({ method, path: `/popups${rest}`, body });
    if (new Headers(init.headers).get("authorization") !== `Bearer ${KEY}`) {
      return refuse(401, "unauthorized", "This secret key is unknown or revoked.");
    }
    if (rest === "" && method === "GET") {
      const list = [...popups.values()].sort(
        (a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1),
      );
      return json({ popups: list });
    }
    const id = decodeURIComponent(rest.slice(1));
    const known = popups.get(id);
    if (method === "GET") {
      return known
        ? json(known)
        : refuse(404, "not_found", `Pop-up "${id}" was not found.`);
    }
    if (method === "DELETE") {
      popups.delete(id);
      return known
        ? new Response(null, { status: 204 })
        : refuse(404, "not_found", `Pop-up "${id}" was not found.`);
    }
    if (method === "PUT" && refusal) {
      const { field, message } = refusal;
      refusal = undefined;
      return refuse(400, "invalid_popup", `${field} ${message}.`, field);
    }
    if (method === "PUT") {
      const checked = validatePopup(id, body);
      if (!checked.ok) {
        const message = `${checked.field} ${checked.message}.`;
        return refuse(400, "invalid_popup", message, checked.field);
      }
      const saved: PopupRecord = { ...checked.value, updatedAt: Date.now() };
      popups.set(id, saved);
      return json(saved, known ? 200 : 201);
    }
    return refuse(404, "not_found", "No such route.");
  }

  return { request: request as typeof fetch, popups, calls, base };
}

/** Serves any demo page the preview frame asks for: an empty shop page. */
function serveDemoPages() {
  happyDom.setURL("http://editor.test/editor/");
  happyDom.settings.fetch.interceptor = {
    async beforeAsyncRequest({ request, window }) {
      const page = new URL(request.url).pathname.startsWith("/demo/");
      return new window.Response(
        page ? '<!doctype html><main data-vitrine-page="home"><h1>Shop</h1></main>' : "",
        { status: page ? 200 : 404, headers: { "Content-Type": "text/html" } },
      );
    },
  };
}

const containers: HTMLElement[] = [];

/** Renders the back office at `path`, signed in. */
export function openPopups(request: typeof fetch, path = "/editor/popups"): void {
  serveDemoPages();
  history.replaceState(null, "", path);
  sessionStorage.clear();
  sessionStorage.setItem(
    "vitrine-editor:session",
    JSON.stringify({ site: SITE, key: KEY }),
  );
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  render(
    <App request={request} sessions={createSessionStore(window.sessionStorage)} />,
    container,
  );
}

export function closePopups(): void {
  for (const container of containers.splice(0)) {
    render(null, container);
    container.remove();
  }
  document.body.innerHTML = "";
}

/** The pop-up the preview drew into its frame: its shadow root. */
export function previewPopup(): ShadowRoot | null | undefined {
  const frame = document.querySelector<HTMLIFrameElement>(".preview iframe");
  return frame?.contentDocument?.querySelector('[data-vitrine-popup="preview"]')
    ?.shadowRoot;
}
