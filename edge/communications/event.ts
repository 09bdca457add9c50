/** What the sending service reports about one message to one customer. */
export const EVENT_TYPES = [
  "queued",
  "sent",
  "deferred",
  "delivered",
  "bounced",
  "opened",
  "clicked",
  "unsubscribed",
  "complained",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CHANNELS = ["email", "webpush", "mobilepush"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The receiving server's answer: `421`, `4.7.0`, "Try again later". For
 * push, the push service's HTTP status and text (410, "expired"). */
export interface SmtpAnswer {
  status: number | null;
  enhancedCode: string | null;
  text: string | null;
}

/** One event as the webhook accepted it. */
export interface DeliveryEvent {
  /** The sending service's own event id: the same event sent twice
   * carries the same id and is stored once. */
  id: string;
  type: EventType;
  at: number;
  message: string;
  customer: string;
  recipient: string;
  smtp: SmtpAnswer;
  bounceKind: "soft" | "hard" | null;
  url: string | null;
}

/** Limits of the delivery webhook. */
export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_WEBHOOK_BYTES = 512 * 1024;
export const MAX_EVENT_ID_LENGTH = 128;
export const MAX_CUSTOMER_LENGTH = 128;
/** The longest email address SMTP allows (RFC 5321's path limit). */
export const MAX_RECIPIENT_LENGTH = 254;
export const MAX_SMTP_TEXT_LENGTH = 1000;
export const MAX_URL_LENGTH = 2048;
/** Sending services retry webhooks for days; a year is plenty. */
export const MAX_EVENT_AGE_MS = 365 * 86_400_000;
export const MAX_EVENT_SKEW_MS = 5 * 60_000;
