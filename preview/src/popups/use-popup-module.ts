import { useEffect, useState } from "preact/hooks";
import {
  POPUP_MODULES,
  type PopupModule,
} from "../../../client/runtime/popups/templates";
import type { PopupTemplate } from "../../../templates/popup/contract";

/**
 * The template's component and styles, from the very chunks the storefront
 * runtime loads (client/runtime/popups/templates.ts). Undefined until
 * loaded, or when loading failed; `problem` then says why.
 */
export function usePopupModule(template: PopupTemplate) {
  const [loaded, setLoaded] = useState<{
    template: PopupTemplate;
    module: PopupModule;
  }>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    POPUP_MODULES[template]().then(
      (module) => current && setLoaded({ template, module }),
      () =>
        current &&
        setProblem(
          "The template did not load. Check the connection, then reload the page.",
        ),
    );
    return () => {
      current = false;
    };
  }, [template]);

  return { module: loaded?.template === template ? loaded.module : undefined, problem };
}
