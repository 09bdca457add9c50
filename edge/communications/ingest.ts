import { deriveAddressStatusSql, deriveDeliveriesSql } from "./derive-sql";
import type { DeliveryEvent } from "./event";

export interface IngestResult {
  stored: number;
  duplicates: number;
}

/** The deliveries named by ?2, a JSON list of [message, customer]. */
const BATCH_DELIVERIES =
  "SELECT DISTINCT value->>0 AS message_id, value->>1 AS customer_id FROM json_each(?2)";
/** The recipients named by ?2, a JSON list of addresses. */
const BATCH_RECIPIENTS = "SELECT value AS recipient FROM json_each(?2)";

/**
 * Stores a validated batch of events in one D1 transaction: the events (an
 * id already stored is skipped), then the deliveries they touch and the
 * deliverability of the addresses that bounced, both derived again from
 * all of their events. Either all of it is written or none.
 *
 * Rows travel as one JSON parameter unpacked by `json_each`, as in
 * edge/actions/store.ts: D1 binds at most 100 parameters a statement.
 */
export async function ingestEvents(
  db: D1Database,
  siteId: string,
  events: DeliveryEvent[],
  receivedAt: number,
): Promise<IngestResult> {
  const rows = events.map((event) => ({
    id: event.id,
    message: event.message,
    customer: event.customer,
    recipient: event.recipient,
    type: event.type,
    at: event.at,
    status: event.smtp.status,
    enhanced: event.smtp.enhancedCode,
    text: event.smtp.text,
    bounce: event.bounceKind,
    url: event.url,
  }));
  const deliveries = new Map(
    events.map((event) => [`${event.message}\n${event.customer}`, event]),
  );
  const pairs = [...deliveries.values()].map((event) => [event.message, event.customer]);
  const bounced = [
    ...new Set(events.filter((e) => e.type === "bounced").map((e) => e.recipient)),
  ];

  const statements = [
    db
      .prepare(
        `INSERT INTO delivery_events (site_id, id, message_id, customer_id, recipient, type,
           at, received_at, smtp_status, smtp_enhanced, smtp_text, bounce_kind, url)
         SELECT ?1, value->>'id', value->>'message', value->>'customer',
           value->>'recipient', value->>'type', value->>'at', ?2, value->>'status',
           value->>'enhanced', value->>'text', value->>'bounce', value->>'url'
         FROM json_each(?3) WHERE true
         ON CONFLICT (site_id, id) DO NOTHING`,
      )
      .bind(siteId, receivedAt, JSON.stringify(rows)),
    db.prepare(deriveDeliveriesSql(BATCH_DELIVERIES)).bind(siteId, JSON.stringify(pairs)),
  ];
  if (bounced.length > 0) {
    statements.push(
      db
        .prepare(deriveAddressStatusSql(BATCH_RECIPIENTS))
        .bind(siteId, JSON.stringify(bounced)),
    );
  }
  const [inserted] = await db.batch(statements);
  const stored = inserted?.meta.changes ?? 0;
  return { stored, duplicates: events.length - stored };
}

/** Message ids of `ids` that the site does not have. */
export async function unknownMessages(
  db: D1Database,
  siteId: string,
  ids: string[],
): Promise<Set<string>> {
  const { results } = await db
    .prepare(
      `SELECT value AS id FROM json_each(?2)
       WHERE value NOT IN (SELECT id FROM messages WHERE site_id = ?1)`,
    )
    .bind(siteId, JSON.stringify([...new Set(ids)]))
    .all<{ id: string }>();
  return new Set(results.map((row) => row.id));
}
