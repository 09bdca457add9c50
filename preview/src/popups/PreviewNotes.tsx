import type { JSX } from "preact";
import { deadlineInstant } from "../../../templates/countdown/settings";
import type { PopupTemplate } from "../../../templates/popup/contract";
import type { PopupSettings } from "../../../templates/popups";
import type { Viewport } from "../preview/viewports";
import { SAMPLE_COUNT } from "./sample-data";

interface Props {
  template: PopupTemplate;
  settings: PopupSettings[PopupTemplate] | undefined;
  stale: boolean;
  problem: string | undefined;
  loading: boolean;
  /** The pop-up is drawn in the frame. */
  shown: boolean;
  now: number;
  viewport: Viewport;
  devices: readonly string[];
}

/** Why the preview looks as it does, and what in it is made up. */
export function PreviewNotes(props: Props): JSX.Element {
  const { template, settings } = props;
  const notes: string[] = [];
  if (props.stale) {
    notes.push("Showing the last valid settings: fix the marked fields to see the rest.");
  }
  if (props.devices.length > 0 && !props.devices.includes(props.viewport)) {
    notes.push(
      `On the shop this pop-up does not show on ${props.viewport} devices (see Devices).`,
    );
  }
  if (template === "countdown" && settings) {
    const { mode, deadline } = settings as PopupSettings["countdown"];
    const ends = deadlineInstant(deadline);
    if (mode === "evergreen") {
      notes.push(
        "The timer starts at the duration, as for a visitor who has just met it.",
      );
    } else if (ends !== undefined && ends <= props.now) {
      notes.push("The deadline has passed: the shop does not show this pop-up any more.");
    }
  }
  if (template === "social-proof") {
    notes.push(
      `The number is a sample (${SAMPLE_COUNT} or the minimum): the shop shows the real count.`,
    );
  }
  if (template === "upsell" || template === "cross-sell") {
    notes.push(
      "Products are the shop's best sellers; each page gets its own on the shop.",
    );
  }

  return (
    <div class="preview-status">
      <p role="status" class={props.problem ? "problem" : ""}>
        {props.problem ??
          (props.loading
            ? "Loading the preview…"
            : props.shown
              ? "The pop-up as the shop shows it, with sample data."
              : "No products yet: the shop shows this pop-up only with a product to offer.")}
      </p>
      {notes.map((note) => (
        <p class="note" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}
