import type { JSX } from "preact";
import { describedBy } from "./described-by";
import { FieldMessages } from "./FieldMessages";

interface Props {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  error?: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** A colour as text (what keyboard users and pasted brand colours need),
 * beside the browser's colour picker, kept in step with it. */
export function ColorField(props: Props): JSX.Element {
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      <span class="color-inputs">
        <input
          id={props.id}
          name={props.id}
          value={props.value}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy(props.id, props.hint, props.error)}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
        <input
          type="color"
          aria-label={`${props.label}, picker`}
          // The picker cannot show an invalid colour; it keeps the last one.
          value={COLOR.test(props.value) ? props.value.toLowerCase() : undefined}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      </span>
      <FieldMessages {...props} />
    </div>
  );
}
