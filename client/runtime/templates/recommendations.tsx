import { render } from "preact";
import { styles } from "../../../templates/recommendations/styles";
import { Widget } from "../../../templates/recommendations/Widget";
import type { TemplateView } from "../template-view";
import { isProductCard, parseSettings } from "./recommendations-payload";
import { shadowTarget } from "./shadow-target";

/**
 * The recommendations template as a chunk of its own: its payload checks,
 * the widget, its styles and Preact. The base runtime imports it only for a
 * page whose answer holds a recommendations widget.
 */
export function createView(win: Window & typeof globalThis): TemplateView {
  const target = shadowTarget(win, styles);
  const drawn = new WeakSet<Element>();

  function clear(element: Element): void {
    if (drawn.delete(element)) render(null, target(element));
  }

  return {
    show(element, widget, site) {
      const settings = parseSettings(widget.settings);
      const items = widget.items.filter(isProductCard);
      if (!settings || items.length === 0) {
        clear(element);
        return false;
      }
      render(
        <Widget
          settings={settings}
          items={items}
          locale={site.locale}
          currency={site.currency}
        />,
        target(element),
      );
      drawn.add(element);
      return true;
    },
    clear,
  };
}
