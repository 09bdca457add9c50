import { PREVIOUS_PERIODS } from "./falling";
import { type Counts, METRICS, zeroCounts } from "./metrics";
import { historyStart, type Period } from "./period";

type CountRow = Counts & { key: string; slot: number };

// D1 binds every JavaScript number as a REAL, so the bounds are cast:
// slots must come from integer arithmetic.
const SUMS = METRICS.map((metric) => `sum(c.${metric}) AS ${metric}`).join(", ");

/** Only the messages of one campaign when `campaign` is set. */
function messageFilter(campaign: string | null, parameter: string): string {
  return campaign === null
    ? ""
    : `AND c.message_id IN (SELECT id FROM messages WHERE site_id = ?1 AND campaign_id = ${parameter})`;
}

/** One campaign reads its messages' rows by (site, message, day); the
 * whole site reads the day range of the primary key. Named, because
 * without statistics SQLite takes the day range for both. */
function rollup(campaign: string | null): string {
  return campaign === null
    ? "delivery_daily c"
    : "delivery_daily c INDEXED BY delivery_daily_by_message";
}

function collect(rows: CountRow[], slots: number): Map<string, Counts[]> {
  const found = new Map<string, Counts[]>();
  for (const row of rows) {
    let list = found.get(row.key);
    if (!list) {
      list = Array.from({ length: slots }, zeroCounts);
      found.set(row.key, list);
    }
    const counts = list[row.slot];
    if (!counts) continue;
    for (const metric of METRICS) counts[metric] += row[metric];
  }
  return found;
}

/**
 * Counts per message for the chosen period and the PREVIOUS_PERIODS
 * before it: each message's list has the oldest period first and the
 * chosen one last. Reads the daily rollup by its primary key's day range.
 */
export async function periodCountsByMessage(
  db: D1Database,
  siteId: string,
  period: Period,
  campaign: string | null,
): Promise<Map<string, Counts[]>> {
  const { results } = await db
    .prepare(
      `SELECT c.message_id AS key,
         (c.day - CAST(?2 AS INTEGER)) / CAST(?3 AS INTEGER) AS slot, ${SUMS}
       FROM ${rollup(campaign)}
       WHERE c.site_id = ?1 AND c.day BETWEEN ?2 AND ?4 ${messageFilter(campaign, "?5")}
       GROUP BY c.message_id, slot`,
    )
    .bind(
      siteId,
      historyStart(period),
      period.days,
      period.toDay,
      ...(campaign === null ? [] : [campaign]),
    )
    .all<CountRow>();
  return collect(results, PREVIOUS_PERIODS + 1);
}

/** Counts per campaign and day of the chosen period: slot 0 is its first
 * day. */
export async function dailyCountsByCampaign(
  db: D1Database,
  siteId: string,
  period: Period,
  campaign: string | null,
): Promise<Map<string, Counts[]>> {
  const { results } = await db
    .prepare(
      `SELECT m.campaign_id AS key, c.day - CAST(?2 AS INTEGER) AS slot, ${SUMS}
       FROM ${rollup(campaign)}
       JOIN messages m ON m.site_id = c.site_id AND m.id = c.message_id
       WHERE c.site_id = ?1 AND c.day BETWEEN ?2 AND ?3 ${messageFilter(campaign, "?4")}
       GROUP BY m.campaign_id, c.day`,
    )
    .bind(siteId, period.fromDay, period.toDay, ...(campaign === null ? [] : [campaign]))
    .all<CountRow>();
  return collect(results, period.days);
}
