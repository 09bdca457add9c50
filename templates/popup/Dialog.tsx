import { Component, type ComponentChildren, createRef, type JSX } from "preact";
import { accentProperties } from "../accent";

/**
 * The id of the element that names a pop-up. One constant serves: every
 * pop-up lives in a shadow root of its own, where ids are scoped.
 */
export const POPUP_TITLE_ID = "popup-title";

export interface PopupDialogProps {
  /** The heading. Empty: no heading, and the content must give the
   * element that names the pop-up the id POPUP_TITLE_ID. */
  title: string;
  /** Escape, the close button or a click on the backdrop. */
  onClose(): void;
  /** `#rrggbb`, for the buttons of the content. */
  accentColor: string;
  children: ComponentChildren;
}

const FOCUSABLE =
  'a[href],button:not(:disabled),input:not(:disabled),select,textarea,[tabindex]:not([tabindex="-1"])';

/**
 * The accessible frame of every pop-up: a modal dialog over a backdrop,
 * labelled by its heading. Focus moves into it on mount, stays inside it
 * (Tab and Shift+Tab cycle) and goes back to where it was on unmount.
 *
 * Known limit: the trap follows the keyboard only. A screen reader's
 * virtual cursor is kept inside by `aria-modal`, which most of them honour;
 * the host page is not made `inert`, since the pop-up must not touch it.
 */
// A class, not hooks: the runtime's pop-up chunk then ships without
// Preact's hooks module (1.1 KB gzipped).
export class PopupDialog extends Component<PopupDialogProps> {
  private readonly dialog = createRef<HTMLDivElement>();
  /** The page's focused element when the dialog opened. */
  private previous: Element | null = null;

  // Runs as the dialog is mounted, in the same task: the shopper cannot
  // move focus in between, and it is never seen unfocused.
  override componentDidMount(): void {
    const element = this.dialog.current;
    if (!element) return;
    // The page's focused element (a shadow host stands for focus inside
    // its root); the pop-up's own root is not mounted in it yet.
    this.previous = element.ownerDocument.activeElement;
    const first = element.querySelector<HTMLElement>(FOCUSABLE) ?? element;
    first.focus({ preventScroll: true });
  }

  override componentWillUnmount(): void {
    const previous = this.previous;
    // Not `instanceof HTMLElement`: in a preview frame the elements come
    // from another window's constructors.
    if (previous?.isConnected && "focus" in previous) {
      (previous as HTMLElement).focus({ preventScroll: true });
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const { props } = this;
    const element = this.dialog.current;
    if (event.key === "Escape") {
      event.stopPropagation();
      props.onClose();
    }
    if (event.key !== "Tab" || !element) return;
    const focusable = element.querySelectorAll<HTMLElement>(FOCUSABLE);
    const first = focusable[0] ?? element;
    const last = focusable[focusable.length - 1] ?? element;
    // Inside a shadow root, the document's activeElement is the shadow
    // host; the root's own activeElement is the focused element.
    const active = (element.getRootNode() as Document | ShadowRoot).activeElement;
    const outside = active === element || !element.contains(active);
    const wrap = outside || active === (event.shiftKey ? first : last);
    if (wrap) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };

  override render(): JSX.Element {
    const { props } = this;
    return (
      <>
        {/* A pointer shortcut: Escape and the close button are the keyboard's
          ways out, so the backdrop needs no role nor key handler. */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
        <div class="backdrop" onClick={props.onClose} />
        <div
          ref={this.dialog}
          class="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby={POPUP_TITLE_ID}
          tabIndex={-1}
          style={accentProperties(props.accentColor)}
          onKeyDown={this.onKeyDown}
        >
          <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
            {/* Drawn, not the × character: a chunk served without a charset
              to a page in a legacy encoding would garble it. */}
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M5 5 19 19M19 5 5 19" stroke="currentColor" stroke-width="2" />
            </svg>
          </button>
          {props.title && (
            <h2 class="title" id={POPUP_TITLE_ID}>
              {props.title}
            </h2>
          )}
          {props.children}
        </div>
      </>
    );
  }
}
