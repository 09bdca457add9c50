import type { JSX } from "preact";

interface Props {
  id?: string;
  /** What the warnings are about, e.g. "The saved step". */
  title: string;
  lines: string[];
}

/**
 * A step too coarse for the prices it rounds, said in words, with an alert
 * role so that a screen reader says it as it appears. A warning, not an
 * error: the step may be right (yen, big tickets) and is saved anyway.
 */
export function RoundingWarning(props: Props): JSX.Element | null {
  if (props.lines.length === 0) return null;
  return (
    <div id={props.id} class="rounding-warning" role="alert">
      <p>
        <strong>Warning:</strong> {props.title}
      </p>
      <ul>
        {props.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
