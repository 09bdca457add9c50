import { addCounts, type Counts, RATES, type RateId, zeroCounts } from "./metrics";

/** How many equal periods before the chosen one make its "own level". */
export const PREVIOUS_PERIODS = 4;
/** A rate is falling below this share of its own level… */
export const FALLING_SHARE = 0.5;
/** …measured on at least this many deliveries, now and before. */
export const MIN_SAMPLE = 50;

export const FALLING_RULE =
  `A rate is falling when, in the chosen period, it is below ${FALLING_SHARE * 100} % of ` +
  `its rate over the ${PREVIOUS_PERIODS} equal periods just before, taken together ` +
  `(their numerators over their denominators), with at least ${MIN_SAMPLE} in its ` +
  "denominator both in the period and in those before. Watched: delivery, open and click rates.";

export interface Falling {
  rate: RateId;
  current: number;
  previous: number;
}

/**
 * The watched rates that fell. `periods` holds the counts of the
 * PREVIOUS_PERIODS periods before the chosen one, then the chosen one. The
 * earlier periods are pooled rather than averaged, so a quiet week with
 * five sends cannot swing the level.
 */
export function fallingRates(periods: readonly Counts[]): Falling[] {
  const current = periods.at(-1) ?? zeroCounts();
  const before = periods
    .slice(0, -1)
    .reduce((sum, each) => addCounts(sum, each), zeroCounts());
  const found: Falling[] = [];
  for (const definition of RATES) {
    if (!definition.higherIsBetter) continue;
    const nowDenominator = current[definition.denominator];
    const beforeDenominator = before[definition.denominator];
    if (nowDenominator < MIN_SAMPLE || beforeDenominator < MIN_SAMPLE) continue;
    const now = current[definition.numerator] / nowDenominator;
    const level = before[definition.numerator] / beforeDenominator;
    if (now < FALLING_SHARE * level) {
      found.push({ rate: definition.id, current: now, previous: level });
    }
  }
  return found;
}
