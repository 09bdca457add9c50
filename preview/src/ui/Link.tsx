import type { ComponentChildren, JSX } from "preact";

interface Props {
  href: string;
  onNavigate(): void;
  class?: string;
  /** Marks the link as the page being shown. */
  ariaCurrent?: boolean;
  children: ComponentChildren;
}

/** A real link (open in a new tab, copy its address) that the app follows
 * itself on a plain click, so that unsaved changes are asked about first. */
export function Link(props: Props): JSX.Element {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.ariaCurrent ? "page" : undefined}
      onClick={(event) => {
        const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (modified || event.button !== 0) return;
        event.preventDefault();
        props.onNavigate();
      }}
    >
      {props.children}
    </a>
  );
}
