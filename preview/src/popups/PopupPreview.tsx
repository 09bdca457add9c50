import type { JSX } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { mountPopup } from "../../../client/runtime/popups/popup-host";
import type { PopupTemplate } from "../../../templates/popup/contract";
import type { PopupSettings } from "../../../templates/popups";
import type { ProductCard, SiteInfo } from "../api/types";
import { PreviewBar } from "../preview/PreviewBar";
import { useWidth } from "../preview/use-width";
import { FRAME_HEIGHT, VIEWPORTS, type Viewport } from "../preview/viewports";
import { type AnyPopupProps, type LivePopup, livePopup } from "./live-popup";
import { PreviewNotes } from "./PreviewNotes";
import { sampleData } from "./sample-data";
import { usePopupModule } from "./use-popup-module";
import { useSampleNow } from "./use-sample-now";

interface Props {
  template: PopupTemplate;
  /** The draft's settings when valid, else the last valid ones. */
  settings: PopupSettings[PopupTemplate] | undefined;
  /** The draft has errors, so `settings` are not what the form says. */
  stale: boolean;
  site: SiteInfo | undefined;
  products: ProductCard[] | undefined;
  sampleProblem: string | undefined;
  /** The devices the targeting allows; none is every one. */
  devices: readonly string[];
}

/** The demo shop's home page: a pop-up covers any page alike. */
export const PREVIEW_PAGE = "/demo/";
/** The host's `data-vitrine-popup` in the frame. */
export const PREVIEW_POPUP_ID = "preview";

const nothing = () => undefined;

/**
 * The live preview: the demo shop's page in a frame, at desktop or mobile
 * width, with the pop-up drawn over it by the storefront runtime's own
 * `mountPopup` and the template's own chunk, with sample data, on every
 * change of the settings, saved or not.
 */
export function PopupPreview(props: Props): JSX.Element {
  const { template, settings, site, products } = props;
  const [viewport, setViewport] = useState<Viewport>("desktop");
  const [win, setWin] = useState<Window & typeof globalThis>();
  const { module, problem } = usePopupModule(template);
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const live = useRef<LivePopup | undefined>(undefined);
  const available = useWidth(box);
  const { width } = VIEWPORTS[viewport];
  const scale = available > 0 ? Math.min(1, available / width) : 1;

  const now = useSampleNow(template, settings);
  const data = settings && products && sampleData(template, settings, { products, now });
  const popupProps: AnyPopupProps | undefined =
    settings && data && site
      ? {
          settings,
          data,
          locale: site.locale,
          currency: site.currency,
          now: () => Date.now(),
          // In the preview, acting on the pop-up or closing it changes
          // nothing: the frame is inert, and the pop-up is for looking.
          onConvert: nothing,
          onClose: nothing,
          onExpire: nothing,
        }
      : undefined;
  const latest = useRef(popupProps);
  latest.current = popupProps;
  const ready = popupProps !== undefined;

  // Mounted once per page and template; later changes go through update.
  useLayoutEffect(() => {
    const initial = latest.current;
    if (!win || !module || !initial) return;
    const current = livePopup(module, initial);
    live.current = current;
    const remove = mountPopup(win, PREVIEW_POPUP_ID, current.module, initial, nothing);
    return () => {
      live.current = undefined;
      remove();
    };
  }, [win, module, ready]);

  // A layout effect, so that the pop-up is redrawn in the same task as the
  // keystroke, before the browser paints the next frame.
  useLayoutEffect(() => {
    if (popupProps) live.current?.update(popupProps);
  });

  return (
    <section class="preview" aria-labelledby="preview-title">
      <PreviewBar viewport={viewport} onViewport={setViewport} />
      <PreviewNotes
        template={template}
        settings={settings}
        stale={props.stale}
        problem={problem ?? props.sampleProblem}
        loading={!module || !site || !products}
        shown={ready}
        now={now}
        viewport={viewport}
        devices={props.devices}
      />
      <div class="frame-box" ref={box} style={{ height: `${FRAME_HEIGHT * scale}px` }}>
        <iframe
          ref={frame}
          src={PREVIEW_PAGE}
          title="Preview: the demo shop's page with the pop-up"
          // No script runs in the page, neither the shop's nor the
          // runtime's snippet; the editor draws the pop-up itself. Inert:
          // the pop-up's dialog takes focus as it mounts, which must not
          // leave the form, and its links must not navigate.
          sandbox="allow-same-origin"
          inert
          width={width}
          height={FRAME_HEIGHT}
          style={{ transform: `scale(${scale})`, width: `${width}px` }}
          onLoad={() => {
            // A same-origin frame's window is a full Window; the DOM types
            // give it as the narrower WindowProxy.
            const next = frame.current?.contentWindow as
              | (Window & typeof globalThis)
              | null;
            setWin(next ?? undefined);
          }}
        />
      </div>
    </section>
  );
}
