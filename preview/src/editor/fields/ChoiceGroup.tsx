import type { JSX } from "preact";
import { describedBy } from "./described-by";
import { FieldMessages } from "./FieldMessages";

interface Props {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Radios: one value; checkboxes: any number. */
  kind: "radio" | "checkbox";
  selected: readonly string[];
  onSelected(selected: string[]): void;
  hint?: string;
  error?: string;
}

/** A fieldset of radios or checkboxes: native controls, so arrow keys move
 * between radios and Space ticks a box, as users expect. */
export function ChoiceGroup(props: Props): JSX.Element {
  function change(value: string, checked: boolean) {
    if (props.kind === "radio") {
      props.onSelected([value]);
      return;
    }
    const rest = props.selected.filter((each) => each !== value);
    // Kept in the options' order, so that a save changes nothing else.
    const next = checked ? [...rest, value] : rest;
    props.onSelected(
      props.options.map((option) => option.value).filter((each) => next.includes(each)),
    );
  }

  return (
    <fieldset
      class={props.error ? "field choices invalid" : "field choices"}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.label}</legend>
      {props.options.map((option) => {
        const id = `${props.id}-${option.value}`;
        return (
          <span class="choice" key={option.value}>
            <input
              id={id}
              type={props.kind}
              name={props.id}
              value={option.value}
              checked={props.selected.includes(option.value)}
              onChange={(event) => change(option.value, event.currentTarget.checked)}
            />
            <label for={id}>{option.label}</label>
          </span>
        );
      })}
      <FieldMessages {...props} />
    </fieldset>
  );
}
