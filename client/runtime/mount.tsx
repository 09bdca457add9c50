import { render } from "preact";
import type { PageResponse, WidgetPayload } from "../../edge/contract";
import { styles } from "../../templates/recommendations/styles";
import { Widget } from "../../templates/recommendations/Widget";
import type { Log } from "./logger";
import { findPlaceholders } from "./placeholders";
import { createStyleAdopter } from "./shadow-styles";

/**
 * Renders the widgets of a page answer into their placeholders, each inside
 * its own open shadow root so that the host's CSS and ours never meet.
 * Placeholders without a widget, or whose widget has no items, stay empty:
 * the host reserved their height and nothing may shift.
 */
export function createMounter(win: Window & typeof globalThis, log: Log) {
  const adopt = createStyleAdopter(win);
  // Placeholder → the element Preact renders into inside its shadow root.
  const targets = new WeakMap<Element, Element>();

  function target(element: Element): Element {
    const known = targets.get(element);
    if (known) return known;

    const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    // A reused root may hold a server-rendered skeleton: the widget
    // replaces it so that the reserved height holds one thing only.
    root.replaceChildren();
    adopt(root, styles);
    const mountPoint = win.document.createElement("div");
    root.append(mountPoint);
    targets.set(element, mountPoint);
    return mountPoint;
  }

  function show(element: Element, widget: WidgetPayload, page: PageResponse): void {
    render(
      <Widget
        settings={widget.settings}
        items={widget.items}
        locale={page.site.locale}
        currency={page.site.currency}
      />,
      target(element),
    );
  }

  return function mount(page: PageResponse | undefined): void {
    for (const { id, element } of findPlaceholders(win.document)) {
      try {
        const widget = page?.widgets.find((candidate) => candidate.id === id);
        if (page && widget && widget.items.length > 0) show(element, widget, page);
        else {
          const mounted = targets.get(element);
          if (mounted) render(null, mounted);
        }
      } catch (error) {
        // One broken placeholder (say, an element that cannot host a
        // shadow root) must not keep the others empty.
        log("widget not mounted", { id, error });
      }
    }
  };
}
