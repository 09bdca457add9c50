/**
 * The SQL that derives deliveries and address deliverability from the
 * stored events. Pure text, with no D1 type, so that the webhook, the demo
 * seed and the benchmark run the very same statements.
 *
 * Everything is a function of the set of events, read by their `at` and
 * never by arrival: `min(at)` per kind, counts, and a state chosen by an
 * ORDER BY with a total order (time, then kind, then event id). So the
 * same events give the same rows, however often and in whatever order
 * they came.
 */

/** Rank of the delivery states, for events at the same millisecond. */
const STATE_RANK = `CASE s.type WHEN 'queued' THEN 0 WHEN 'sent' THEN 1
  WHEN 'deferred' THEN 2 WHEN 'bounced' THEN 3 ELSE 4 END`;

const ATTEMPTED = "('sent', 'deferred', 'delivered', 'bounced')";

/**
 * Upserts the deliveries listed by `pairs`, a SELECT of distinct
 * `message_id, customer_id` in which `?1` is the site id. A delivery's
 * state is its latest delivered or bounced event when it has one (a final
 * answer beats a deferral that a skewed clock dates later), else its
 * latest queued, sent or deferred event; one known only from its opens or
 * clicks (the delivered event lost) stays "sent". A click counts as an
 * open too: a reader who blocks images opens without the pixel.
 *
 * Every read goes through delivery_events_by_delivery, one delivery at a
 * time, so the cost follows the batch, not the site's history. INDEXED BY
 * because without statistics SQLite prefers the primary key's site_id
 * prefix, which scans every event of the site.
 */
export function deriveDeliveriesSql(pairs: string): string {
  const own = (alias: string) => `${alias}.site_id = ?1
       AND ${alias}.message_id = p.message_id AND ${alias}.customer_id = p.customer_id`;
  return `INSERT INTO deliveries (site_id, message_id, customer_id, recipient, state,
    attempts, queued_at, sent_at, deferred_at, delivered_at, bounced_at, bounce_kind,
    opened_at, clicked_at, unsubscribed_at, complained_at, last_event_at)
  SELECT ?1, p.message_id, p.customer_id,
    (SELECT r.recipient FROM delivery_events r INDEXED BY delivery_events_by_delivery
     WHERE ${own("r")}
     ORDER BY r.at, r.id LIMIT 1),
    coalesce((SELECT s.type FROM delivery_events s INDEXED BY delivery_events_by_delivery
     WHERE ${own("s")}
       AND s.type IN ('queued', 'sent', 'deferred', 'delivered', 'bounced')
     ORDER BY s.type IN ('delivered', 'bounced') DESC, s.at DESC, ${STATE_RANK} DESC,
       s.id DESC
     LIMIT 1), 'sent'),
    count(CASE WHEN e.type = 'deferred' THEN 1 END)
      + max(e.type IN ('delivered', 'bounced')),
    min(CASE WHEN e.type = 'queued' THEN e.at END),
    min(CASE WHEN e.type IN ${ATTEMPTED} THEN e.at END),
    min(CASE WHEN e.type = 'deferred' THEN e.at END),
    min(CASE WHEN e.type = 'delivered' THEN e.at END),
    min(CASE WHEN e.type = 'bounced' THEN e.at END),
    min(CASE WHEN e.type = 'bounced' THEN e.bounce_kind END),
    min(CASE WHEN e.type IN ('opened', 'clicked') THEN e.at END),
    min(CASE WHEN e.type = 'clicked' THEN e.at END),
    min(CASE WHEN e.type = 'unsubscribed' THEN e.at END),
    min(CASE WHEN e.type = 'complained' THEN e.at END),
    max(e.at)
  FROM (${pairs}) AS p
  JOIN delivery_events e INDEXED BY delivery_events_by_delivery ON ${own("e")}
  GROUP BY p.message_id, p.customer_id
  ON CONFLICT (site_id, message_id, customer_id) DO UPDATE SET
    recipient = excluded.recipient, state = excluded.state,
    attempts = excluded.attempts, queued_at = excluded.queued_at,
    sent_at = excluded.sent_at, deferred_at = excluded.deferred_at,
    delivered_at = excluded.delivered_at, bounced_at = excluded.bounced_at,
    bounce_kind = excluded.bounce_kind, opened_at = excluded.opened_at,
    clicked_at = excluded.clicked_at, unsubscribed_at = excluded.unsubscribed_at,
    complained_at = excluded.complained_at, last_event_at = excluded.last_event_at`;
}

/** Every delivery of the site: for the seed and the benchmark. */
export const ALL_DELIVERIES =
  "SELECT DISTINCT message_id, customer_id FROM delivery_events WHERE site_id = ?1";

/** Soft bounces on this many distinct UTC days… */
export const SOFT_BOUNCE_DAYS = 3;
/** …within a window of this many days make an address undeliverable. */
export const SOFT_BOUNCE_WINDOW_DAYS = 7;

/**
 * Upserts the deliverability of the recipients listed by `recipients`, a
 * SELECT of one column `recipient` in which `?1` is the site id. An address is not
 * deliverable from its first hard bounce, or from the soft bounce that
 * makes SOFT_BOUNCE_DAYS distinct days within SOFT_BOUNCE_WINDOW_DAYS;
 * whichever came first gives the reason. A later delivery does not clear
 * it: that needs a person's decision, which has no route yet.
 */
export function deriveAddressStatusSql(recipients: string): string {
  return `INSERT INTO address_status (site_id, recipient, deliverable, reason, since)
  WITH targets AS (SELECT DISTINCT * FROM (${recipients})),
  bounces AS (
    SELECT b.recipient, b.at, b.id, b.bounce_kind, b.at / 86400000 AS day,
      trim(coalesce(b.smtp_status, '') || ' ' || coalesce(b.smtp_enhanced, '') || ' '
        || coalesce(b.smtp_text, '')) AS answer
    FROM targets t
    JOIN delivery_events b INDEXED BY delivery_events_bounces ON b.site_id = ?1 AND b.recipient = t.recipient
      AND b.type = 'bounced'
  ),
  hard AS (
    SELECT recipient, at, 'hard bounce' || iif(answer = '', '', ': ' || answer) AS reason,
      row_number() OVER (PARTITION BY recipient ORDER BY at, id) AS k
    FROM bounces WHERE bounce_kind = 'hard'
  ),
  soft_days AS (
    SELECT recipient, day, min(at) AS at FROM bounces WHERE bounce_kind = 'soft'
    GROUP BY recipient, day
  ),
  soft AS (
    SELECT d.recipient, d.at,
      'soft bounces on ${SOFT_BOUNCE_DAYS} days within ${SOFT_BOUNCE_WINDOW_DAYS}'
        || coalesce((SELECT ': ' || answer FROM bounces x
          WHERE x.recipient = d.recipient AND x.bounce_kind = 'soft' AND x.at = d.at
            AND x.answer <> '' ORDER BY x.id LIMIT 1), '') AS reason,
      row_number() OVER (PARTITION BY d.recipient ORDER BY d.at) AS k
    FROM soft_days d
    WHERE (SELECT count(*) FROM soft_days w WHERE w.recipient = d.recipient
      AND w.day BETWEEN d.day - ${SOFT_BOUNCE_WINDOW_DAYS - 1} AND d.day)
      >= ${SOFT_BOUNCE_DAYS}
  ),
  verdicts AS (
    SELECT recipient, at, reason,
      row_number() OVER (PARTITION BY recipient ORDER BY at, reason) AS k
    FROM (SELECT recipient, at, reason FROM hard WHERE k = 1
      UNION ALL SELECT recipient, at, reason FROM soft WHERE k = 1)
  )
  SELECT ?1, t.recipient, v.at IS NULL, v.reason, v.at
  FROM (SELECT DISTINCT recipient FROM bounces) AS t
  LEFT JOIN verdicts v ON v.recipient = t.recipient AND v.k = 1
  WHERE true
  ON CONFLICT (site_id, recipient) DO UPDATE SET
    deliverable = excluded.deliverable, reason = excluded.reason, since = excluded.since`;
}
