/**
 * The demo shop's campaigns: a weekly newsletter whose opens fall in the
 * last week (the dashboard flags it), a spring sale by email and web push
 * in which a corporate mail server answers "421 4.7.0 Try again later"
 * before accepting, and daily abandoned-cart reminders. Generated from
 * hashes, like the rest of the seed; only the events are written, and the
 * deliveries and deliverability are derived from them by the webhook's
 * own SQL.
 */
import {
  ALL_DELIVERIES,
  deriveAddressStatusSql,
  deriveDeliveriesSql,
} from "../communications/derive-sql";
import { hash } from "./hash";
import { CUSTOMER_COUNT, customerId, DAY_MS } from "./orders";
import { insertStatements, type SqlValue, sqlLiteral } from "./sql";

const MINUTE = 60_000;
/** The corporate domain whose server defers first. */
export const CORPORATE_DOMAIN = "northwind-corp.example";
const DOMAINS = ["mail.example", "post.example", "inbox.example", CORPORATE_DOMAIN];
/** The customer whose spring sale email shows the deferral in the demo. */
export const DEFERRED_CUSTOMER = customerId(1);

const TRY_LATER = [421, "4.7.0", "Try again later, closing connection"] as const;
const ACCEPTED = [250, "2.0.0", "OK: queued"] as const;
const UNKNOWN_USER = [550, "5.1.1", "The email account does not exist"] as const;
const MAILBOX_FULL = [452, "4.2.2", "Mailbox full"] as const;

type Answer = readonly [number, string, string];

interface Message {
  id: string;
  campaign: string;
  channel: "email" | "webpush" | "mobilepush";
  subject: string;
  /** Epoch ms when the first of its sends was queued. */
  at: number;
  recipients: number;
  /** Per mille of delivered ones that open, and that click. */
  opens: number;
  clicks: number;
}

const CAMPAIGNS: [string, string][] = [
  ["weekly-newsletter", "Weekly newsletter"],
  ["spring-sale", "Spring sale"],
  ["cart-reminder", "Abandoned cart reminder"],
];

function messages(now: number): Message[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const list: Message[] = [];
  for (let week = 1; week <= 6; week++) {
    list.push({
      id: `newsletter-w${week}`,
      campaign: "weekly-newsletter",
      channel: "email",
      subject: `This week at Green Basket (${week})`,
      at: today - (45 - 7 * week) * DAY_MS + 9 * 60 * MINUTE,
      recipients: 300,
      // The last issue's subject line fell flat.
      opens: week === 6 ? 110 : 380,
      clicks: week === 6 ? 20 : 90,
    });
  }
  for (const channel of ["email", "webpush"] as const) {
    list.push({
      id: `spring-sale-${channel}`,
      campaign: "spring-sale",
      channel,
      subject:
        channel === "email" ? "Spring sale: 20 % off fruit" : "Spring sale starts now",
      at: today - 5 * DAY_MS + 8 * 60 * MINUTE,
      recipients: 400,
      opens: channel === "email" ? 300 : 150,
      clicks: channel === "email" ? 80 : 60,
    });
  }
  list.push({
    id: "cart-reminder-push",
    campaign: "cart-reminder",
    channel: "mobilepush",
    subject: "You left something in your basket",
    at: today - 35 * DAY_MS + 18 * 60 * MINUTE,
    recipients: 0, // daily, below
    opens: 250,
    clicks: 120,
  });
  return list;
}

interface Event {
  id: string;
  message: string;
  customer: string;
  recipient: string;
  type: string;
  at: number;
  answer: Answer | null;
  bounce: "soft" | "hard" | null;
  url: string | null;
}

function emailOf(customer: number): string {
  const domain =
    customer === 1 ? CORPORATE_DOMAIN : DOMAINS[hash(`domain:${customer}`) % 4];
  return `${customerId(customer)}@${domain}`;
}

/** One delivery's events, from queued to the reader's clicks. */
function delivery(message: Message, customer: number, at: number, now: number): Event[] {
  const email = message.channel === "email";
  const recipient = email ? emailOf(customer) : `push:${customerId(customer)}`;
  const key = `${message.id}:${customer}`;
  const roll = (what: string) => hash(`${what}:${key}`) % 1000;
  const events: Event[] = [];
  const add = (type: string, when: number, extra: Partial<Event> = {}) => {
    if (when > now) return;
    events.push({
      id: `seed-${message.id}-${customer}-${events.length}`,
      message: message.id,
      customer: customerId(customer),
      recipient,
      type,
      at: when,
      answer: null,
      bounce: null,
      url: null,
      ...extra,
    });
  };

  add("queued", at);
  let t = at + 2000;
  if (email && recipient.endsWith(CORPORATE_DOMAIN)) {
    // Greylisting: the first try, and for some a second, is deferred.
    const deferrals = customer === 1 || roll("defer") < 600 ? 1 : 2;
    for (let n = 0; n < deferrals; n++) {
      add("deferred", t, { answer: TRY_LATER });
      t += (15 + 15 * n) * MINUTE + (roll(`wait${n}`) % 120) * 1000;
    }
  } else if (email && roll("hard") < 12) {
    add("bounced", t, { answer: UNKNOWN_USER, bounce: "hard" });
    return events;
  } else if (!email && roll("expired") < 20) {
    add("bounced", t, { answer: [410, "", "Push subscription expired"], bounce: "hard" });
    return events;
  }
  add("delivered", t, email ? { answer: ACCEPTED } : {});
  if (roll("open") >= message.opens) return events;
  const opened = t + (20 + (roll("open-at") % 1400)) * MINUTE;
  add("opened", opened);
  if (roll("click") < (message.clicks * 1000) / message.opens) {
    add("clicked", opened + 2 * MINUTE, { url: "https://shop.example/demo/" });
  }
  if (roll("unsubscribe") < 8) add("unsubscribed", opened + 3 * MINUTE);
  else if (roll("complain") < 3) add("complained", opened + 4 * MINUTE);
  return events;
}

/** Customer n of the demo's 2,000, spread by a stride like the orders. */
function customerNumber(index: number, offset: number): number {
  return ((index * 7 + offset) % CUSTOMER_COUNT) + 1;
}

function allEvents(now: number): Event[] {
  const events: Event[] = [];
  for (const message of messages(now)) {
    if (message.id === "cart-reminder-push") {
      for (let day = 0; day < 35; day++) {
        for (let n = 0; n < 20; n++) {
          const customer = customerNumber(day * 20 + n, 500);
          events.push(
            ...delivery(message, customer, message.at + day * DAY_MS + n * MINUTE, now),
          );
        }
      }
      continue;
    }
    for (let n = 0; n < message.recipients; n++) {
      // The deferred demo customer gets every email; others a share, each
      // once (the stride visits 2,000 customers before repeating). The
      // customer with the full mailbox gets only the bounces below.
      const customer = n === 0 ? 1 : customerNumber(n, hash(message.id) % CUSTOMER_COUNT);
      if (n > 0 && customer <= 2) continue;
      events.push(...delivery(message, customer, message.at + n * 1000, now));
    }
  }
  // One address that is full on three days of a week: soft bounces.
  const full = { customer: customerId(2), recipient: `${customerId(2)}@mail.example` };
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  for (const [index, daysAgo] of [12, 10, 8].entries()) {
    events.push({
      id: `seed-soft-${index}`,
      message: `newsletter-w${index + 3}`,
      ...full,
      type: "bounced",
      at: today - daysAgo * DAY_MS + 10 * 60 * MINUTE,
      answer: MAILBOX_FULL,
      bounce: "soft",
      url: null,
    });
  }
  return events;
}

/** The statements that load the demo campaigns into a migrated database
 * holding the demo site. */
export function demoCommunicationsStatements(siteId: string, now: number): string[] {
  const list = messages(now);
  const events = allEvents(now);
  const site = sqlLiteral(siteId);
  const row = (event: Event): SqlValue[] => [
    siteId,
    event.id,
    event.message,
    event.customer,
    event.recipient,
    event.type,
    event.at,
    event.at,
    event.answer?.[0] ?? null,
    event.answer?.[1] || null,
    event.answer?.[2] ?? null,
    event.bounce,
    event.url,
  ];
  return [
    ...insertStatements(
      "campaigns",
      ["site_id", "id", "name", "created_at", "updated_at"],
      CAMPAIGNS.map(([id, name]) => [siteId, id, name, now, now]),
    ),
    ...insertStatements(
      "messages",
      ["site_id", "id", "campaign_id", "channel", "subject", "created_at", "updated_at"],
      list.map((m) => [siteId, m.id, m.campaign, m.channel, m.subject, now, now]),
    ),
    ...insertStatements(
      "delivery_events",
      [
        "site_id",
        "id",
        "message_id",
        "customer_id",
        "recipient",
        "type",
        "at",
        "received_at",
        "smtp_status",
        "smtp_enhanced",
        "smtp_text",
        "bounce_kind",
        "url",
      ],
      events.map(row),
    ),
    // The webhook's statements, with the site as a literal: a seed file
    // has no bound parameters.
    deriveDeliveriesSql(ALL_DELIVERIES).replaceAll("?1", site),
    deriveAddressStatusSql(
      "SELECT DISTINCT recipient FROM delivery_events WHERE site_id = ?1 AND type = 'bounced'",
    ).replaceAll("?1", site),
  ];
}
