import { pageActions } from "./auto-track";
import { createCommands, type Hooks } from "./commands";
import { deviceId } from "./device";
import { createLogger } from "./logger";
import { type PageContext, readPageContext } from "./page-context";
import { recordedUrl } from "./page-url";
import { createPageView } from "./page-view";
import { createPopupLoader } from "./popup-loader";
import { alreadyLoaded, installQueue } from "./queue";
import { edgeUrl, parseScriptUrl } from "./script-url";
import { createSender } from "./sender";
import { createStore } from "./storage";
import { createTracker } from "./tracker";

export interface RuntimeOptions {
  /** The runtime's own URL (`import.meta.url`): it names the edge and site. */
  scriptUrl: string;
  window: Window & typeof globalThis;
  /** Defaults to the window's `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Starts Vitrine on a page: device id, `window.vitrine` with the snippet's
 * queued calls replayed, the page view (actions, one request for widgets,
 * mounting). Never throws; resolves once the first page answer is mounted
 * or has failed.
 */
export function startRuntime(options: RuntimeOptions): Promise<void> {
  const guarded = () => {
    try {
      return start(options);
    } catch {
      return Promise.resolve();
    }
  };
  const doc = options.window.document;
  // A module added by the snippet may run before the page is parsed; the
  // page's context and placeholders are all there only once it is. Until
  // then the snippet's stub keeps queueing calls.
  if (doc.readyState !== "loading") return guarded();
  return new Promise((resolve) => {
    doc.addEventListener("DOMContentLoaded", () => void guarded().then(resolve), {
      once: true,
    });
  });
}

function start(options: RuntimeOptions): Promise<void> {
  const win = options.window;
  const logger = createLogger(win);
  const { log } = logger;
  const edge = parseScriptUrl(options.scriptUrl);
  // Nothing to log in either case: this copy's log would never be exposed
  // (the running copy owns `vitrine`, or nothing can run at all).
  if (!edge || alreadyLoaded(win)) return Promise.resolve();

  const request = options.fetch ?? ((input, init) => win.fetch(input, init));
  const store = createStore(win);
  const device = deviceId(store, edge.site, win.document);
  const sender = createSender({
    win,
    endpoint: edgeUrl(edge, "operations"),
    site: edge.site,
    request,
    store,
    log,
  });
  const tracker = createTracker(device, sender);
  const hooks: Hooks = new Map();
  const view = createPageView({
    win,
    endpoint: edgeUrl(edge, "page"),
    device,
    request,
    log,
    onAnswer: createPopupLoader(
      { win, site: edge.site, store, tracker, hooks, log },
      log,
    ),
  });

  const visit = (context: PageContext): void => {
    for (const { operation, data } of pageActions(context, recordedUrl(win.location))) {
      tracker.track(operation, data);
    }
    view.show(context);
  };
  const extras = { edge, device, window: win, store, log, fetch: request };
  const extra = (call: unknown[]) =>
    import("./extra-commands").then(
      (module) => module.runExtraCommand(call, extras),
      (error: unknown) => log("call ignored", { call, error }),
    );
  const run = createCommands({
    tracker,
    visit,
    refresh: view.refresh,
    extra,
    hooks,
    log,
  });
  installQueue(win, run, logger);

  // A queued `vitrine('page', …)` already declared this page.
  if (!view.shown) visit(readPageContext(win.document));
  return view.settled();
}
