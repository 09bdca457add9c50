import type { JSX } from "preact";
import { describedBy } from "../editor/fields/described-by";
import { FieldMessages } from "../editor/fields/FieldMessages";

interface Props {
  id: string;
  label: string;
  value: string;
  /** Offered as the marketer types (a native datalist): any text may still
   * be typed, and the edge says whether it is valid. */
  suggestions: readonly { value: string; label: string }[];
  onValue(value: string): void;
  hint?: string;
  error?: string;
}

export function SuggestField(props: Props): JSX.Element {
  return (
    <div class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        value={props.value}
        list={`${props.id}-options`}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <datalist id={`${props.id}-options`}>
        {props.suggestions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </datalist>
      <FieldMessages {...props} />
    </div>
  );
}
