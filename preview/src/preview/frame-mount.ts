import { findPlaceholders } from "../../../client/runtime/placeholders";
import { createView } from "../../../client/runtime/templates/recommendations";
import type { ProductCard, SiteSettings } from "../../../edge/contract";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";

/** Room left below the widget when the page is scrolled to it. */
const MARGIN = 24;

/** Where the preview draws: the page's placeholder for this widget, another
 * widget's (the demo page has none for a new widget's id), or one added at
 * the end of the page's `<main>` (a page without placeholders). */
export type Slot =
  | { kind: "own"; element: HTMLElement }
  | { kind: "borrowed"; element: HTMLElement; from: string }
  | { kind: "added"; element: HTMLElement };

export interface FrameMount {
  /** Draws the widget; false when it has nothing to show, which leaves the
   * placeholder empty at its reserved height, as on the shop. */
  show(
    widgetId: string,
    settings: RecommendationSettings,
    items: ProductCard[],
    site: SiteSettings,
  ): boolean;
  /** Where the last `show` drew. */
  slot(): Slot | undefined;
  /** Scrolls the page so that the placeholder is in view. */
  reveal(): void;
}

/**
 * Mounts the widget into the framed demo page with the storefront
 * runtime's own template view (client/runtime/templates): the same shadow
 * root, adopted stylesheet, payload checks and component, so the preview is
 * what the shop renders. The frame runs no script of its own (it is
 * sandboxed without `allow-scripts`); this code runs in the editor and
 * reaches in, which the same origin allows.
 */
export function mountInFrame(frame: HTMLIFrameElement): FrameMount | undefined {
  // A same-origin frame's window is a full Window; the DOM types give it
  // as the narrower WindowProxy.
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  const doc = frame.contentDocument;
  if (!win || !doc) return undefined;
  const page: Document = doc;
  const view = createView(win);
  let current: Slot | undefined;

  function slotFor(widgetId: string): Slot {
    const placeholders = findPlaceholders(page);
    const own = placeholders.find((placeholder) => placeholder.id === widgetId);
    // Placeholders of an HTML page are HTML elements.
    if (own) return { kind: "own", element: own.element as HTMLElement };
    const first = placeholders[0];
    if (first)
      return { kind: "borrowed", element: first.element as HTMLElement, from: first.id };
    if (current?.kind === "added") return current;
    const element = page.createElement("div");
    element.setAttribute("data-vitrine-widget", widgetId);
    (page.querySelector("main") ?? page.body).append(element);
    return { kind: "added", element };
  }

  return {
    show(widgetId, settings, items, site) {
      const found = slotFor(widgetId);
      // The same slot object while the placeholder stays, so that callers
      // can tell a move by identity.
      const same = current?.element === found.element && current.kind === found.kind;
      const next = same && current ? current : found;
      if (current && current.element !== next.element) {
        view.clear(current.element);
        current.element.style.removeProperty("outline");
      }
      current = next;
      const shown = view.show(
        next.element,
        { id: widgetId, template: "recommendations", settings, items },
        site,
      );
      // Marks the empty placeholder for the marketer; an outline takes no
      // room, so the page's layout stays the shop's.
      if (shown) next.element.style.removeProperty("outline");
      else next.element.style.setProperty("outline", "2px dashed #b42318");
      return shown;
    },
    slot: () => current,
    reveal() {
      const element = current?.element;
      if (!element) return;
      // As little as shows the whole widget, so that as much of the page
      // above it as fits stays in view, as the shopper meets it.
      const bottom = element.getBoundingClientRect().bottom + win.scrollY;
      const top = Math.max(0, bottom + MARGIN - win.innerHeight);
      win.scrollTo({ top, behavior: "instant" });
    },
  };
}
