import type { JSX } from "preact";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import { ALGORITHM_LABELS } from "../editor/labels";
import type { Slot } from "./frame-mount";
import type { PreviewItems } from "./use-preview-items";

interface Props {
  product: string | undefined;
  items: PreviewItems;
  settings: RecommendationSettings | undefined;
  stale: boolean;
  slot: Slot | undefined;
  widgetId: string;
}

/** Why the preview looks as it does: loading, empty, failed, or drawn
 * somewhere other than the widget's own placeholder. */
export function PreviewStatus(props: Props): JSX.Element {
  const { items, settings, slot } = props;
  const notes: string[] = [];
  if (props.stale) {
    notes.push("Showing the last valid settings: fix the marked fields to see the rest.");
  }
  if (slot?.kind === "borrowed") {
    const { widgetId } = props;
    notes.push(
      `The demo page has no placeholder for "${widgetId}": ` +
        `shown in the one of "${slot.from}".`,
    );
  }
  if (slot?.kind === "added") {
    notes.push("This page has no widget placeholder: shown at the end of its content.");
  }
  if (settings && settings.pages.length > 0 && !settings.pages.includes("product")) {
    notes.push("On the shop this widget does not appear on product pages (see Pages).");
  }

  return (
    <div class="preview-status">
      <p
        role="status"
        class={items.status === "ready" && items.items.length === 0 ? "empty" : ""}
      >
        {props.product === undefined
          ? "Pick a product to preview the widget on its page."
          : statusText(items, settings)}
      </p>
      {notes.map((note) => (
        <p class="note" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}

function statusText(items: PreviewItems, settings: RecommendationSettings | undefined) {
  if (items.status === "failed") return `The items did not load: ${items.problem}`;
  if (items.status === "idle" || (items.status === "loading" && !items.site)) {
    return "Loading the items…";
  }
  if (items.items.length === 0) {
    const algorithm = settings ? ALGORITHM_LABELS[settings.algorithm] : "";
    const why =
      settings?.algorithm === "recently-viewed"
        ? "it shows what one shopper viewed, and the preview has no shopper"
        : `"${algorithm}" finds nothing for this product`;
    return (
      `No items: ${why}. The shop leaves this placeholder empty, at its ` +
      "reserved height (marked by the dashed line)."
    );
  }
  const shown = Math.min(items.items.length, settings?.count ?? items.items.length);
  const plural = shown === 1 ? "" : "s";
  const loading = items.status === "loading" ? " Updating…" : "";
  return `${shown} item${plural}, as the shop would show them on this page.${loading}`;
}
