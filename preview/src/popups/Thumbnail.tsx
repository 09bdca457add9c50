import { type JSX, render } from "preact";
import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { createStyleAdopter } from "../../../client/runtime/templates/shadow-styles";
import type { PopupTemplate } from "../../../templates/popup/contract";
import { dialogStyles } from "../../../templates/popup/dialog-styles";
import { POPUP_DEFAULTS } from "../../../templates/popups";
import type { ProductCard, SiteInfo } from "../api/types";
import { sampleData } from "./sample-data";
import { usePopupModule } from "./use-popup-module";

interface Props {
  template: PopupTemplate;
  site: SiteInfo | undefined;
  products: ProductCard[] | undefined;
}

const nothing = () => undefined;

/**
 * A small picture of a template: its real component with its default
 * settings and sample data, in a shadow root with the dialog's and the
 * template's styles, as the shop draws it. The box is scaled down and,
 * being transformed, holds the dialog's fixed positioning inside it.
 * It is inert: the dialog takes focus as it mounts, and a picture must
 * neither take it nor be read out (the choice's text says it all).
 */
export function Thumbnail({ template, site, products }: Props): JSX.Element {
  const host = useRef<HTMLSpanElement>(null);
  const { module } = usePopupModule(template);
  const data = useMemo(
    () =>
      products &&
      sampleData(template, POPUP_DEFAULTS[template], { products, now: Date.now() }),
    [template, products],
  );

  useLayoutEffect(() => {
    const element = host.current;
    if (!element || !module || !data || !site) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    const adopt = createStyleAdopter(window);
    adopt(root, dialogStyles);
    adopt(root, module.styles);
    render(
      <module.Component
        settings={POPUP_DEFAULTS[template]}
        data={data}
        locale={site.locale}
        currency={site.currency}
        now={() => Date.now()}
        onConvert={nothing}
        onClose={nothing}
      />,
      root,
    );
    return () => render(null, root);
  }, [module, template, site, data]);

  return (
    <span class="popup-thumb" aria-hidden="true">
      <span class="popup-thumb-host" ref={host} inert />
    </span>
  );
}
