import { createStyleAdopter } from "./shadow-styles";

/**
 * Gives each placeholder one element to render into, inside its own open
 * shadow root with `css` adopted, so that the host's CSS and ours never
 * meet. Shared by the templates' chunks: with two templates the bundler
 * moves it, with Preact, into a chunk of its own.
 */
export function shadowTarget(win: Window & typeof globalThis, css: string) {
  const adopt = createStyleAdopter(win);
  // Placeholder → the element rendered into inside its shadow root.
  const targets = new WeakMap<Element, Element>();

  return function target(element: Element): Element {
    const known = targets.get(element);
    if (known) return known;

    const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    // A reused root may hold a server-rendered skeleton: the widget
    // replaces it so that the reserved height holds one thing only.
    root.replaceChildren();
    adopt(root, css);
    const mountPoint = win.document.createElement("div");
    root.append(mountPoint);
    targets.set(element, mountPoint);
    return mountPoint;
  };
}
