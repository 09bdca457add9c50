import type { JSX } from "preact";
import { describedBy } from "../editor/fields/described-by";
import { FieldMessages } from "../editor/fields/FieldMessages";

interface Props<T extends string> {
  id: string;
  label: string;
  options: readonly { value: T; label: string; description: string }[];
  value: T;
  onValue(value: T): void;
  hint?: string;
  error?: string;
}

/** Radios, each with a sentence saying what it does, which its radio's
 * `aria-describedby` names so that a screen reader reads it on arrival. */
export function DescribedChoices<T extends string>(props: Props<T>): JSX.Element {
  return (
    <fieldset
      class={props.error ? "field choices described invalid" : "field choices described"}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.label}</legend>
      {props.options.map((option) => {
        const id = `${props.id}-${option.value}`;
        return (
          <div class="described-choice" key={option.value}>
            <input
              id={id}
              type="radio"
              name={props.id}
              value={option.value}
              checked={props.value === option.value}
              aria-describedby={`${id}-text`}
              onChange={() => props.onValue(option.value)}
            />
            <label for={id}>{option.label}</label>
            <p id={`${id}-text`} class="hint">
              {option.description}
            </p>
          </div>
        );
      })}
      <FieldMessages {...props} />
    </fieldset>
  );
}
