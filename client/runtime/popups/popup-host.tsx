import { render } from "preact";
import type { AnyPopupProps } from "../../../templates/popup/contract";
import { dialogStyles } from "../../../templates/popup/dialog-styles";
import { createStyleAdopter } from "../templates/shadow-styles";
import type { PopupModule } from "./templates";

// The host element's own box, set through CSSOM (which a strict CSP
// allows) and marked important, so that no rule of the page gives it a
// size, a margin or a place in the layout.
const HOST_STYLE: Record<string, string> = {
  all: "initial",
  position: "fixed",
  inset: "0 auto auto 0",
  width: "0",
  height: "0",
  "z-index": "2147483647",
};

/**
 * Draws one pop-up over the page: a host element at the end of `<body>`,
 * fixed and sizeless, with an open shadow root holding the dialog, so the
 * page neither moves nor restyles it. Answers a function that removes it.
 * `onClick` hears clicks on the pop-up's links and buttons, except its
 * close button.
 */
export function mountPopup(
  win: Window & typeof globalThis,
  id: string,
  module: PopupModule,
  props: AnyPopupProps,
  onClick: () => void,
): () => void {
  const doc = win.document;
  const host = doc.createElement("div");
  host.setAttribute("data-vitrine-popup", id);
  for (const [name, value] of Object.entries(HOST_STYLE)) {
    host.style.setProperty(name, value, "important");
  }
  const root = host.attachShadow({ mode: "open" });
  const adopt = createStyleAdopter(win);
  adopt(root, dialogStyles);
  adopt(root, module.styles);
  root.addEventListener("click", (event) => {
    const target = (event.target as Element | null)?.closest?.("a[href], button");
    if (target && !target.classList.contains("close")) onClick();
  });
  doc.body.append(host);
  render(<module.Component {...props} />, root);

  return () => {
    render(null, root);
    host.remove();
  };
}
