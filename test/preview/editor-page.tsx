import { render } from "preact";
import { App } from "../../preview/src/app/App";
import { createSessionStore } from "../../preview/src/session/session-store";
import { KEY, SITE } from "./fake-admin";

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

/**
 * The demo shop's product page as far as the preview needs it: a main
 * element with the product page's placeholders. Served to the preview's
 * frame by happy-dom's fetch interceptor, which also keeps every other
 * request (stylesheets, pictures) inside the test.
 */
export function serveDemoPage(placeholders = ["product-fbt", "product-similar"]) {
  happyDom.setURL("http://editor.test/editor/");
  const slots = placeholders
    .map((id) => `<div class="slot" data-vitrine-widget="${id}"></div>`)
    .join("");
  happyDom.settings.fetch.interceptor = {
    async beforeAsyncRequest({ request, window }) {
      const page = new URL(request.url).pathname.startsWith("/demo/products/");
      return new window.Response(
        page ? `<!doctype html><main data-vitrine-page="product">${slots}</main>` : "",
        { status: page ? 200 : 404, headers: { "Content-Type": "text/html" } },
      );
    },
  };
}

const containers: HTMLElement[] = [];

/** Renders the editor, signed in unless told otherwise. */
export function openEditor(
  request: typeof fetch,
  options: { path?: string; signedIn?: boolean } = {},
): HTMLElement {
  serveDemoPage();
  history.replaceState(null, "", options.path ?? "/editor/");
  sessionStorage.clear();
  if (options.signedIn !== false) {
    sessionStorage.setItem(
      "vitrine-editor:session",
      JSON.stringify({ site: SITE, key: KEY }),
    );
  }
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  render(
    <App request={request} sessions={createSessionStore(window.sessionStorage)} />,
    container,
  );
  return container;
}

export function closeEditor(): void {
  for (const container of containers.splice(0)) {
    render(null, container);
    container.remove();
  }
  document.body.innerHTML = "";
}

/** Types into a field as a keystroke does: the value, then `input`. */
export function type(field: Element | null, value: string): void {
  if (!(field instanceof HTMLInputElement)) throw new Error("not an input");
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element as T;
}

export function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = [...root.querySelectorAll("button")].find(
    (each) => (each.getAttribute("aria-label") ?? each.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}
