import { type ComponentChild, render } from "preact";
import { act } from "preact/test-utils";

/**
 * Renders `node` into an open shadow root of a host in the document, as
 * the runtime mounts pop-ups, and remembers it for `unmountAll`.
 */
const mounted: HTMLElement[] = [];

export function mountInShadow(node: ComponentChild): ShadowRoot {
  const host = document.createElement("div");
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  // act() runs the effects (focus, timers) before it returns.
  act(() => render(node, root));
  mounted.push(host);
  return root;
}

export function unmount(root: ShadowRoot): void {
  act(() => render(null, root));
  root.host.remove();
}

export function unmountAll(): void {
  for (const host of mounted.splice(0)) {
    const root = host.shadowRoot;
    if (root) act(() => render(null, root));
    host.remove();
  }
}

export function press(
  target: Element | null,
  key: string,
  shiftKey = false,
): KeyboardEvent {
  const event = new KeyboardEvent("keydown", {
    key,
    shiftKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  target?.dispatchEvent(event);
  return event;
}

/** `Intl` separates currency and number with no-break spaces in some locales. */
export const plain = (text: string | null | undefined) =>
  text?.replace(/[\u00a0\u202f]/g, " ");
