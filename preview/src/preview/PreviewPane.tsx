import type { JSX } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import type { AdminApi } from "../api/admin-api";
import { type FrameMount, mountInFrame, type Slot } from "./frame-mount";
import { PreviewBar } from "./PreviewBar";
import { PreviewStatus } from "./PreviewStatus";
import { usePreviewItems } from "./use-preview-items";
import { useWidth } from "./use-width";
import { FRAME_HEIGHT, VIEWPORTS, type Viewport } from "./viewports";

interface Props {
  api: AdminApi;
  widgetId: string;
  /** The settings to show: the draft's when valid, else the last valid. */
  settings: RecommendationSettings | undefined;
  /** The draft has errors, so `settings` are not what the form says. */
  stale: boolean;
  product: string | undefined;
}

/**
 * The live preview: the demo shop's product page in a frame, at desktop or
 * mobile width, with the widget drawn into its placeholder by the
 * runtime's own code on every change of the settings, saved or not.
 */
export function PreviewPane(props: Props): JSX.Element {
  const { settings, product } = props;
  const [viewport, setViewport] = useState<Viewport>("desktop");
  // Kept with the product whose page it mounted into: a new product's
  // page has not loaded yet when the product changes.
  const [mounted, setMounted] = useState<{ product: string; mount?: FrameMount }>();
  const mount = mounted?.product === product ? mounted?.mount : undefined;
  const [slot, setSlot] = useState<Slot>();
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const available = useWidth(box);
  const items = usePreviewItems(props.api, settings, product);
  const { width } = VIEWPORTS[viewport];
  const scale = available > 0 ? Math.min(1, available / width) : 1;

  // A layout effect, so that the widget is redrawn in the same task as the
  // keystroke, before the browser paints the next frame.
  useLayoutEffect(() => {
    if (mount && settings && items.site) {
      mount.show(props.widgetId, settings, items.items, items.site);
      // Only a change of placeholder renders the pane again.
      setSlot(mount.slot());
    }
  }, [mount, props.widgetId, settings, items]);

  // The placeholder moves when the page reflows at another width.
  useLayoutEffect(() => mount?.reveal(), [mount, viewport]);

  return (
    <section class="preview" aria-labelledby="preview-title">
      <PreviewBar viewport={viewport} onViewport={setViewport} />
      <PreviewStatus
        product={product}
        items={items}
        settings={settings}
        stale={props.stale}
        slot={slot}
        widgetId={props.widgetId}
      />
      <div class="frame-box" ref={box} style={{ height: `${FRAME_HEIGHT * scale}px` }}>
        {product !== undefined && (
          <iframe
            ref={frame}
            key={product}
            src={`/demo/products/${encodeURIComponent(product)}`}
            title="Preview: the demo shop's product page with the widget"
            // No script runs in the page, neither the shop's nor the
            // runtime's snippet; the editor draws the widget itself. Inert:
            // the preview is for looking, so its links neither take focus
            // from the form nor navigate away.
            sandbox="allow-same-origin"
            inert
            width={width}
            height={FRAME_HEIGHT}
            style={{ transform: `scale(${scale})`, width: `${width}px` }}
            onLoad={() =>
              setMounted({
                product,
                mount: frame.current ? mountInFrame(frame.current) : undefined,
              })
            }
          />
        )}
      </div>
    </section>
  );
}
