import { ApiError } from "../http/errors";
import { PREVIOUS_PERIODS } from "./falling";

export const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of whole UTC days, `from` to `to` inclusive, as day numbers
 * (days since the Unix epoch). */
export interface Period {
  fromDay: number;
  toDay: number;
  days: number;
}

export function dayOf(date: string): number | null {
  if (!DATE.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return ms / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Reads `from` and `to` (YYYY-MM-DD, UTC, both included); by default the
 * last seven days, today included. */
export function parsePeriod(query: Record<string, string>, now: number): Period {
  const read = (field: "from" | "to") => {
    const value = query[field];
    if (value === undefined || value === "") return null;
    const day = dayOf(value);
    if (day === null) {
      throw new ApiError(
        400,
        "invalid_request",
        `${field} must be a date like 2026-04-20 (UTC).`,
        field,
      );
    }
    return day;
  };
  const toDay = read("to") ?? Math.floor(now / DAY_MS);
  const fromDay = read("from") ?? toDay - (DEFAULT_DAYS - 1);
  if (fromDay > toDay) {
    throw new ApiError(400, "invalid_request", "from must not be after to.", "from");
  }
  const days = toDay - fromDay + 1;
  if (days > MAX_DAYS) {
    throw new ApiError(
      400,
      "invalid_request",
      `The period may cover at most ${MAX_DAYS} days; choose a later from.`,
      "from",
    );
  }
  return { fromDay, toDay, days };
}

/** The first day of the periods compared with the chosen one. */
export function historyStart(period: Period): number {
  return period.fromDay - PREVIOUS_PERIODS * period.days;
}

export function periodView(period: Period) {
  return {
    from: dateOf(period.fromDay),
    to: dateOf(period.toDay),
    days: period.days,
    comparedFrom: dateOf(historyStart(period)),
  };
}
