import {
  type CampaignRow,
  findCampaign,
  listCampaigns,
  type MessageRow,
} from "./catalog";
import { dailyCountsByCampaign, periodCountsByMessage } from "./counts-query";
import { FALLING_RULE, type Falling, fallingRates, PREVIOUS_PERIODS } from "./falling";
import {
  addCounts,
  type Counts,
  RATES,
  type RateId,
  ratesOf,
  zeroCounts,
} from "./metrics";
import { dateOf, type Period, periodView } from "./period";

const SLOTS = PREVIOUS_PERIODS + 1;

/** What every dashboard answer says about how it counts. */
function legend(period: Period) {
  return {
    period: periodView(period),
    rates: RATES.map(({ id, label, formula, higherIsBetter }) => ({
      id,
      label,
      formula,
      higherIsBetter,
    })),
    counting:
      "Each count is of deliveries (one message to one customer) whose first event of " +
      "that kind fell in the period, so opens and clicks are unique per delivery; a click " +
      "counts as an open too.",
    fallingRule: FALLING_RULE,
  };
}

function sumPeriods(lists: Counts[][]): Counts[] {
  const total = Array.from({ length: SLOTS }, zeroCounts);
  for (const list of lists) {
    for (const [slot, counts] of list.entries()) {
      const into = total[slot];
      if (into) addCounts(into, counts);
    }
  }
  return total;
}

function current(periods: Counts[]): Counts {
  return periods.at(-1) ?? zeroCounts();
}

function messageView(message: MessageRow, periods: Counts[]) {
  const counts = current(periods);
  return {
    id: message.id,
    campaign: message.campaign_id,
    channel: message.channel,
    subject: message.subject,
    counts,
    rates: ratesOf(counts),
    falling: fallingRates(periods),
  };
}

/** Each rate per day of the period; null on days without a denominator. */
function series(daily: Counts[] | undefined, period: Period) {
  const days = daily ?? Array.from({ length: period.days }, zeroCounts);
  return Object.fromEntries(
    RATES.map((definition) => [
      definition.id,
      days.map((counts) => ratesOf(counts)[definition.id].value),
    ]),
  ) as Record<RateId, (number | null)[]>;
}

interface CampaignFalling extends Falling {
  /** The message whose rate fell; absent when it is the campaign's. */
  message?: string;
}

function campaignView(
  campaign: CampaignRow,
  messages: MessageRow[],
  byMessage: Map<string, Counts[]>,
) {
  const periods = sumPeriods(messages.map((message) => byMessage.get(message.id) ?? []));
  const counts = current(periods);
  const falling: CampaignFalling[] = [
    ...fallingRates(periods),
    ...messages.flatMap((message) =>
      fallingRates(byMessage.get(message.id) ?? []).map((each) => ({
        ...each,
        message: message.id,
      })),
    ),
  ];
  return {
    id: campaign.id,
    name: campaign.name,
    channels: [...new Set(messages.map((message) => message.channel))].sort(),
    messages: messages.length,
    counts,
    rates: ratesOf(counts),
    falling,
  };
}

/** All campaigns of the site over the period, with their daily rates. */
export async function campaignOverview(db: D1Database, siteId: string, period: Period) {
  const [catalog, byMessage, daily] = await Promise.all([
    listCampaigns(db, siteId),
    periodCountsByMessage(db, siteId, period, null),
    dailyCountsByCampaign(db, siteId, period, null),
  ]);
  const days = Array.from({ length: period.days }, (_, i) => dateOf(period.fromDay + i));
  return {
    ...legend(period),
    days,
    campaigns: catalog.campaigns.map((campaign) => ({
      ...campaignView(
        campaign,
        catalog.messages.filter((message) => message.campaign_id === campaign.id),
        byMessage,
      ),
      series: series(daily.get(campaign.id), period),
    })),
  };
}

/** One campaign and each of its messages over the period; null when the
 * site has no such campaign. */
export async function campaignDetail(
  db: D1Database,
  siteId: string,
  id: string,
  period: Period,
) {
  const [found, byMessage, daily] = await Promise.all([
    findCampaign(db, siteId, id),
    periodCountsByMessage(db, siteId, period, id),
    dailyCountsByCampaign(db, siteId, period, id),
  ]);
  if (!found) return null;
  const days = Array.from({ length: period.days }, (_, i) => dateOf(period.fromDay + i));
  return {
    ...legend(period),
    days,
    campaign: {
      ...campaignView(found.campaign, found.messages, byMessage),
      series: series(daily.get(id), period),
    },
    messages: found.messages.map((message) =>
      messageView(message, byMessage.get(message.id) ?? []),
    ),
  };
}

/** One campaign's counts and rates day by day. */
export async function campaignSeries(
  db: D1Database,
  siteId: string,
  id: string,
  period: Period,
) {
  const [found, daily] = await Promise.all([
    findCampaign(db, siteId, id),
    dailyCountsByCampaign(db, siteId, period, id),
  ]);
  if (!found) return null;
  const days = daily.get(id) ?? Array.from({ length: period.days }, zeroCounts);
  return {
    ...legend(period),
    campaign: { id: found.campaign.id, name: found.campaign.name },
    days: days.map((counts, index) => ({
      date: dateOf(period.fromDay + index),
      counts,
      rates: ratesOf(counts),
    })),
  };
}
