import type { JSX } from "preact";

interface Props {
  id: string;
  label: string;
  hint?: string;
  /** What is wrong, as the validation words it ("must not be empty"). */
  error?: string;
}

/** A field's hint and its error, which the field's `aria-describedby`
 * names. The error is a sentence starting with the field's label, so that
 * it reads right wherever it is announced. */
export function FieldMessages(props: Props): JSX.Element {
  return (
    <>
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} class="field-error">
          {props.label} {props.error}.
        </p>
      )}
    </>
  );
}
