import type { JSX } from "preact";

const WIDTH = 72;
const HEIGHT = 20;

type Point = [x: number, y: number];

/** Runs of consecutive days with a value; a day without one breaks the
 * line rather than drawing it through zero. */
function runs(values: (number | null)[]): Point[][] {
  const top = Math.max(0.0001, ...values.map((value) => value ?? 0));
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const found: Point[][] = [];
  let run: Point[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) found.push(run);
      run = [];
      return;
    }
    run.push([index * step, HEIGHT - 1 - (value / top) * (HEIGHT - 2)]);
  });
  if (run.length > 0) found.push(run);
  return found;
}

/**
 * A rate day by day, from 0 % at the bottom to its highest day at the top.
 * Drawn by hand: the editor carries no dependency but Preact.
 */
export function Sparkline(props: {
  values: (number | null)[];
  label: string;
}): JSX.Element {
  const { values } = props;
  const points = values.filter((value) => value !== null).length;
  return (
    <svg
      class="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${props.label}, day by day (${points} of ${values.length} days with data)`}
    >
      {runs(values).map((run) => {
        const [first] = run;
        if (run.length === 1 && first) {
          return <circle key={first[0]} cx={first[0]} cy={first[1]} r="1.5" />;
        }
        const d = run
          .map(
            ([x, y], index) =>
              `${index === 0 ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`,
          )
          .join(" ");
        return <path key={d} d={d} />;
      })}
    </svg>
  );
}
