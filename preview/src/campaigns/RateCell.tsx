import type { JSX } from "preact";
import { percent } from "./format";
import { Sparkline } from "./Sparkline";
import type { RateValue } from "./types";

/** A rate with what it divides ("5 of 8") and, given a series, its line
 * day by day. */
export function RateCell(props: {
  rate: RateValue;
  label: string;
  series?: (number | null)[];
}): JSX.Element {
  const { rate } = props;
  return (
    <td class="rate">
      <span class="rate-value">{percent(rate.value)}</span>
      <span class="rate-parts">
        {rate.numerator} of {rate.denominator}
      </span>
      {props.series && <Sparkline values={props.series} label={props.label} />}
    </td>
  );
}

/** A rate column's heading: its name and its formula, on screen. */
export function RateHeading(props: {
  label: string;
  formula: string;
  children?: JSX.Element;
  sort?: "ascending" | "descending";
}): JSX.Element {
  return (
    <th scope="col" class="rate" aria-sort={props.sort}>
      {props.children ?? props.label}
      <span class="formula">= {props.formula}</span>
    </th>
  );
}
