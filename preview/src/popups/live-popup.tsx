import type { JSX } from "preact";
import { useLayoutEffect, useState } from "preact/hooks";
import type { PopupModule } from "../../../client/runtime/popups/templates";
import type { AnyPopupProps } from "../../../templates/popup/contract";

export type { AnyPopupProps };

export interface LivePopup {
  /** Give this to mountPopup in place of the template's module. */
  module: PopupModule;
  /** Re-renders the mounted pop-up with new props. */
  update(props: AnyPopupProps): void;
}

/**
 * The template's module, wrapped so that a pop-up mounted once by the
 * runtime's `mountPopup` follows every keystroke: the wrapper renders no
 * element of its own, so the shadow tree is exactly the storefront's, and
 * the dialog is not mounted afresh each time, which would replay its
 * entrance animation and restart a countdown's ticking.
 */
export function livePopup(template: PopupModule, initial: AnyPopupProps): LivePopup {
  let latest = initial;
  let show: ((props: AnyPopupProps) => void) | undefined;

  function Live(): JSX.Element {
    const [props, setProps] = useState(latest);
    useLayoutEffect(() => {
      show = setProps;
      // An update may have come between the first render and now.
      setProps(latest);
      return () => {
        show = undefined;
      };
    }, []);
    return <template.Component {...props} />;
  }

  return {
    module: { Component: Live, styles: template.styles },
    update(props) {
      latest = props;
      show?.(props);
    },
  };
}
