import type { Log } from "./logger";
import { createMounter } from "./mount";
import type { PageContext } from "./page-context";
import { fetchPage, pageUrl } from "./page-request";
import type { PageAnswer } from "./page-response";
import { recordedUrl } from "./page-url";
import { placeholderIds } from "./placeholders";

export interface PageView {
  /** Declares the page and fetches its widgets (calls in one task share one request). */
  show(context: PageContext): void;
  /** Mounts placeholders added since; fetches only if their ids are new. */
  refresh(): void;
  /** Resolves once the latest fetch has been mounted (or has failed). */
  settled(): Promise<void>;
  /** Whether `show` has been called. */
  readonly shown: boolean;
}

export interface PageViewOptions {
  win: Window & typeof globalThis;
  /** `<edge>/v1/sites/<site>/page` */
  endpoint: string;
  device: string;
  request: typeof fetch;
  log: Log;
  /** Hears each page answer once mounted, with the context it answers. */
  onAnswer(page: PageAnswer, context: PageContext): void;
}

/** Fetches what the current page needs from the edge and mounts it. */
export function createPageView(options: PageViewOptions): PageView {
  const { win, endpoint, device, request, log } = options;
  const mounter = createMounter(win, log);
  const mount = mounter.mount;
  let context: PageContext | undefined;
  let requested = new Set<string>();
  let last: PageAnswer | undefined;
  let scheduled: Promise<void> | undefined;
  let latest = 0;
  let finished = 0;
  let done: Promise<void> = Promise.resolve();

  async function load(run: number): Promise<void> {
    const widgets = placeholderIds(win.document);
    requested = new Set(widgets);
    const asked = context ?? { type: "other", cart: [] };
    const url = pageUrl(endpoint, {
      url: recordedUrl(win.location),
      device,
      context: asked,
      widgets,
    });
    const page = await fetchPage(request, url, log);
    await mounter.prepare(page);
    // A later `page` call has superseded this answer.
    if (run !== latest) return;
    last = page;
    finished = run;
    mount(page);
    if (page) options.onAnswer(page, asked);
  }

  function schedule(): void {
    if (scheduled) return;
    // A microtask, so that several calls made together send one request.
    scheduled = Promise.resolve().then(() => {
      scheduled = undefined;
      return load(++latest);
    });
    done = scheduled.catch((error: unknown) => log("page not loaded", error));
  }

  return {
    show(next) {
      context = next;
      schedule();
    },
    refresh() {
      const ids = placeholderIds(win.document);
      if (ids.some((id) => !requested.has(id))) schedule();
      // While a request is out, its answer will mount them.
      else if (!scheduled && finished === latest && last) mount(last);
    },
    settled: () => done,
    get shown() {
      return context !== undefined;
    },
  };
}
