import type { Log } from "./logger";
import type { PageAnswer } from "./page-response";
import { findPlaceholders } from "./placeholders";
import type { TemplateModule, TemplateView } from "./template-view";

/**
 * One dynamic import per template: each is a chunk of its own, fetched the
 * first time a page answer holds a widget of it with items, so the base
 * runtime does not grow with the templates' code. Exported for tests.
 * @internal
 */
export const TEMPLATES = new Map<string, () => Promise<TemplateModule>>([
  ["recommendations", () => import("./templates/recommendations")],
]);

export interface Mounter {
  /** Loads the templates `page` needs; never rejects. */
  prepare(page: PageAnswer | undefined): Promise<void>;
  /** Renders `page`'s widgets into their placeholders (templates prepared). */
  mount(page: PageAnswer | undefined): void;
}

/**
 * Renders the widgets of a page answer into their placeholders. Placeholders
 * without a widget, or whose widget has no items, stay empty: the host
 * reserved their height and nothing may shift.
 */
export function createMounter(win: Window & typeof globalThis, log: Log): Mounter {
  const loads = new Map<string, Promise<void>>();
  const views = new Map<string, TemplateView>();
  const shown = new WeakMap<Element, TemplateView>();

  function load(template: string): Promise<void> {
    const loader = TEMPLATES.get(template);
    let loading = loads.get(template);
    // A template this runtime does not know (an edge newer than the
    // cached runtime) leaves its placeholders empty.
    if (!loading && loader) {
      loading = loader().then(
        (module) => void views.set(template, module.createView(win)),
        (error: unknown) => {
          // The chunk did not load (offline, blocked): its placeholders
          // stay empty, and the next page answer tries again.
          loads.delete(template);
          log("template not loaded", { template, error });
        },
      );
      loads.set(template, loading);
    }
    return loading ?? Promise.resolve();
  }

  async function prepare(page: PageAnswer | undefined): Promise<void> {
    const needed = page?.widgets.filter((widget) => widget.items.length > 0) ?? [];
    await Promise.all(needed.map((widget) => load(widget.template)));
  }

  function mount(page: PageAnswer | undefined): void {
    for (const { id, element } of findPlaceholders(win.document)) {
      try {
        const widget = page?.widgets.find((candidate) => candidate.id === id);
        const view = widget && views.get(widget.template);
        const before = shown.get(element);
        if (before && before !== view) before.clear(element);
        shown.delete(element);
        if (page && widget && view?.show(element, widget, page.site)) {
          shown.set(element, view);
        }
      } catch (error) {
        // One broken placeholder (say, an element that cannot host a
        // shadow root) must not keep the others empty.
        log("widget not mounted", { id, error });
      }
    }
  }

  return { prepare, mount };
}
