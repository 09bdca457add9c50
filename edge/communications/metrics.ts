/**
 * The dashboard's counts and rates. Each count is a number of deliveries
 * (one message to one customer) whose first event of that kind fell in the
 * period, so an open counted once per delivery is a unique open. Pure
 * code: the back office shows the same formulas.
 */
export const METRICS = [
  "sent",
  "delivered",
  "deferred",
  "bounced",
  "opened",
  "clicked",
  "unsubscribed",
  "complained",
] as const;
export type Metric = (typeof METRICS)[number];
export type Counts = Record<Metric, number>;

export interface RateDefinition {
  id: RateId;
  label: string;
  numerator: Metric;
  denominator: Metric;
  /** Said on screen beside the number. */
  formula: string;
  /** Whether a fall is bad news (a falling flag watches these). */
  higherIsBetter: boolean;
}

export type RateId =
  | "deliveryRate"
  | "deferralRate"
  | "bounceRate"
  | "openRate"
  | "clickRate"
  | "unsubscribeRate"
  | "complaintRate";

export const RATES: readonly RateDefinition[] = [
  rate("deliveryRate", "Delivery rate", "delivered", "sent", "delivered ÷ sent", true),
  rate("deferralRate", "Deferral rate", "deferred", "sent", "deferred ÷ sent", false),
  rate("bounceRate", "Bounce rate", "bounced", "sent", "bounced ÷ sent", false),
  rate("openRate", "Open rate", "opened", "delivered", "unique opens ÷ delivered", true),
  rate(
    "clickRate",
    "Click rate",
    "clicked",
    "delivered",
    "unique clicks ÷ delivered",
    true,
  ),
  rate(
    "unsubscribeRate",
    "Unsubscribe rate",
    "unsubscribed",
    "delivered",
    "unsubscribed ÷ delivered",
    false,
  ),
  rate(
    "complaintRate",
    "Complaint rate",
    "complained",
    "delivered",
    "complaints ÷ delivered",
    false,
  ),
];

function rate(
  id: RateId,
  label: string,
  numerator: Metric,
  denominator: Metric,
  formula: string,
  higherIsBetter: boolean,
): RateDefinition {
  return { id, label, numerator, denominator, formula, higherIsBetter };
}

export function zeroCounts(): Counts {
  return {
    sent: 0,
    delivered: 0,
    deferred: 0,
    bounced: 0,
    opened: 0,
    clicked: 0,
    unsubscribed: 0,
    complained: 0,
  };
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const metric of METRICS) into[metric] += from[metric];
  return into;
}

export function isMetric(value: string): value is Metric {
  return (METRICS as readonly string[]).includes(value);
}

/** A rate as answered: null when its denominator is zero. */
export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
  formula: string;
}

export function rateOf(definition: RateDefinition, counts: Counts): RateValue {
  const numerator = counts[definition.numerator];
  const denominator = counts[definition.denominator];
  return {
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    formula: definition.formula,
  };
}

export function ratesOf(counts: Counts): Record<RateId, RateValue> {
  return Object.fromEntries(
    RATES.map((definition) => [definition.id, rateOf(definition, counts)]),
  ) as Record<RateId, RateValue>;
}
