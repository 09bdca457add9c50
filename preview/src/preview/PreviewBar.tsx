import type { JSX } from "preact";
import { ChoiceGroup } from "../editor/fields/ChoiceGroup";
import { VIEWPORTS, type Viewport } from "./viewports";

const OPTIONS = Object.entries(VIEWPORTS).map(([value, each]) => ({
  value,
  label: each.label,
}));

/** The heading of a live preview (id `preview-title`) and its width switch. */
export function PreviewBar(props: {
  viewport: Viewport;
  onViewport(viewport: Viewport): void;
}): JSX.Element {
  return (
    <div class="preview-bar">
      <h2 id="preview-title">Preview</h2>
      <ChoiceGroup
        id="viewport"
        label="Width"
        kind="radio"
        options={OPTIONS}
        selected={[props.viewport]}
        onSelected={([value]) => {
          if (value === "desktop" || value === "mobile") props.onViewport(value);
        }}
      />
    </div>
  );
}
