/** "62.5 %", or "–" when there is nothing to divide by. */
export function percent(value: number | null): string {
  if (value === null) return "–";
  const shown = value * 100;
  return `${shown >= 10 || shown === 0 ? shown.toFixed(1) : shown.toFixed(2)} %`;
}

/** UTC, as the mail servers' logs are: "2026-04-20 09:00:02 UTC". */
export function dateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** The query string of a period, e.g. "?from=…&to=…", or "". */
export function periodQuery(period: { from?: string; to?: string }): string {
  const params = new URLSearchParams();
  if (period.from) params.set("from", period.from);
  if (period.to) params.set("to", period.to);
  const text = params.toString();
  return text ? `?${text}` : "";
}
