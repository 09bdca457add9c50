import type { Channel, EventType } from "./event";

export const MAX_PARTICIPATION = 100;

interface DeliveryRow {
  message_id: string;
  subject: string | null;
  channel: Channel | null;
  campaign_id: string | null;
  campaign_name: string | null;
  recipient: string;
  state: string;
  attempts: number;
  queued_at: number | null;
  sent_at: number | null;
  deferred_at: number | null;
  delivered_at: number | null;
  bounced_at: number | null;
  bounce_kind: string | null;
  opened_at: number | null;
  clicked_at: number | null;
  unsubscribed_at: number | null;
  complained_at: number | null;
  deliverable: number | null;
  reason: string | null;
  since: number | null;
}

interface EventRow {
  id: string;
  message_id: string;
  type: EventType;
  at: number;
  smtp_status: number | null;
  smtp_enhanced: string | null;
  smtp_text: string | null;
  bounce_kind: string | null;
  url: string | null;
}

/** "421 4.7.0 Try again later", as a mail server writes its answer. */
function answerOf(row: EventRow): string | null {
  const parts = [row.smtp_status, row.smtp_enhanced, row.smtp_text].filter(
    (part) => part !== null,
  );
  return parts.length > 0 ? parts.join(" ") : null;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** Plain text to paste into a note to the receiving domain's owner. */
function transcript(
  row: DeliveryRow,
  events: EventRow[],
  delayMs: number | null,
): string {
  const lines = [
    `Message "${row.subject ?? row.message_id}" (${row.message_id}) to ${row.recipient}`,
    ...events.map((event) => {
      const answer = answerOf(event);
      const bounce = event.bounce_kind ? ` (${event.bounce_kind})` : "";
      return `${new Date(event.at).toISOString()} ${event.type}${bounce}${answer ? ` ${answer}` : ""}`;
    }),
    `Attempts: ${row.attempts}` +
      (delayMs === null
        ? ""
        : `; delivered ${duration(delayMs)} after it was ${row.queued_at === null ? "first tried" : "queued"}`),
  ];
  return lines.join("\n");
}

/**
 * A customer's message participation, newest first: each delivery with
 * every event (every attempt with the server's answer), how many attempts
 * it took, the delay before delivery, and whether the address can still
 * be sent to.
 */
export async function participation(
  db: D1Database,
  siteId: string,
  customer: string,
  limit: number,
) {
  // INDEXED BY: without statistics SQLite reads the primary key's site_id
  // prefix instead, every delivery of the site.
  const { results: deliveries } = await db
    .prepare(
      `SELECT d.message_id, m.subject, m.channel, m.campaign_id, c.name AS campaign_name,
         d.recipient, d.state, d.attempts, d.queued_at, d.sent_at, d.deferred_at,
         d.delivered_at, d.bounced_at, d.bounce_kind, d.opened_at, d.clicked_at,
         d.unsubscribed_at, d.complained_at, a.deliverable, a.reason, a.since
       FROM deliveries d INDEXED BY deliveries_by_customer
       LEFT JOIN messages m ON m.site_id = d.site_id AND m.id = d.message_id
       LEFT JOIN campaigns c ON c.site_id = m.site_id AND c.id = m.campaign_id
       LEFT JOIN address_status a ON a.site_id = d.site_id AND a.recipient = d.recipient
       WHERE d.site_id = ?1 AND d.customer_id = ?2
       ORDER BY coalesce(d.queued_at, d.sent_at, d.last_event_at) DESC, d.message_id
       LIMIT ?3`,
    )
    .bind(siteId, customer, limit)
    .all<DeliveryRow>();
  const { results: events } = await db
    .prepare(
      `SELECT id, message_id, type, at, smtp_status, smtp_enhanced, smtp_text, bounce_kind,
         url
       FROM delivery_events
       WHERE site_id = ?1 AND customer_id = ?2
         AND message_id IN (SELECT value FROM json_each(?3))
       ORDER BY at, id`,
    )
    .bind(siteId, customer, JSON.stringify(deliveries.map((row) => row.message_id)))
    .all<EventRow>();

  return {
    customer,
    deliveries: deliveries.map((row) => {
      const own = events.filter((event) => event.message_id === row.message_id);
      const start = row.queued_at ?? row.sent_at;
      const delayMs =
        row.delivered_at !== null && start !== null ? row.delivered_at - start : null;
      return {
        message: {
          id: row.message_id,
          subject: row.subject,
          channel: row.channel,
          campaign: row.campaign_id,
          campaignName: row.campaign_name,
        },
        recipient: row.recipient,
        address:
          row.deliverable === null
            ? { deliverable: true, reason: null, since: null }
            : {
                deliverable: row.deliverable === 1,
                reason: row.reason,
                since: row.since,
              },
        state: row.state,
        attempts: row.attempts,
        queuedAt: row.queued_at,
        firstAttemptAt: row.sent_at,
        deliveredAt: row.delivered_at,
        bouncedAt: row.bounced_at,
        bounceKind: row.bounce_kind,
        delayMs,
        openedAt: row.opened_at,
        clickedAt: row.clicked_at,
        unsubscribedAt: row.unsubscribed_at,
        complainedAt: row.complained_at,
        events: own.map((event) => ({
          id: event.id,
          type: event.type,
          at: event.at,
          smtp: {
            status: event.smtp_status,
            enhancedCode: event.smtp_enhanced,
            text: event.smtp_text,
          },
          answer: answerOf(event),
          bounceKind: event.bounce_kind,
          url: event.url,
        })),
        transcript: transcript(row, own, delayMs),
      };
    }),
  };
}
