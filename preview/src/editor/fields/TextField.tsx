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
  /** `numeric` shows a number pad on touch screens; the text stays text. */
  inputMode?: "text" | "numeric";
  readOnly?: boolean;
}

/**
 * A labelled text input. Numbers are typed into text inputs too: a
 * `type="number"` input reports "" for "1e" or "-" and so hides what the
 * marketer typed from the validation.
 */
export function TextField(props: Props): JSX.Element {
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        value={props.value}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        spellcheck={props.inputMode !== "numeric"}
        autocomplete="off"
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <FieldMessages {...props} />
    </div>
  );
}
