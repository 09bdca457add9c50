import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { PeriodChoice } from "./types";

const DAY_MS = 86_400_000;

function daysBack(days: number): PeriodChoice {
  const today = Date.now();
  return {
    from: new Date(today - (days - 1) * DAY_MS).toISOString().slice(0, 10),
    to: new Date(today).toISOString().slice(0, 10),
  };
}

/** From and to (UTC days, both included), with the common choices one
 * click away. Sends the period only on Apply, so typing a date does not
 * ask the edge at every key. */
export function PeriodPicker(props: {
  shown: { from: string; to: string };
  onChange(period: PeriodChoice): void;
}): JSX.Element {
  const [from, setFrom] = useState(props.shown.from);
  const [to, setTo] = useState(props.shown.to);
  const choose = (period: PeriodChoice) => {
    setFrom(period.from ?? "");
    setTo(period.to ?? "");
    props.onChange(period);
  };
  return (
    <form
      class="period-picker"
      aria-label="Period"
      onSubmit={(event) => {
        event.preventDefault();
        // Read from the form, not from state: a submit right after a
        // keystroke comes before the re-render.
        const form = new FormData(event.currentTarget);
        props.onChange({
          from: String(form.get("from") ?? ""),
          to: String(form.get("to") ?? ""),
        });
      }}
    >
      <label>
        From{" "}
        <input
          id="period-from"
          name="from"
          type="date"
          value={from}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </label>
      <label>
        to{" "}
        <input
          id="period-to"
          name="to"
          type="date"
          value={to}
          onInput={(e) => setTo(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Apply</button>
      <button type="button" onClick={() => choose(daysBack(7))}>
        Last 7 days
      </button>
      <button type="button" onClick={() => choose(daysBack(30))}>
        Last 30 days
      </button>
    </form>
  );
}
