import type { JSX } from "preact";
import { describedBy } from "../editor/fields/described-by";
import { FieldMessages } from "../editor/fields/FieldMessages";

interface Props {
  id: string;
  label: string;
  /** A `datetime-local` value, "" when empty. */
  value: string;
  onValue(value: string): void;
  hint?: string;
  error?: string;
}

/** A date and time with the browser's own picker, in its time zone. */
export function TimeField(props: Props): JSX.Element {
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type="datetime-local"
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <FieldMessages {...props} />
    </div>
  );
}
