import { invalid, isRecord, type Validated } from "../../templates/validation";
import { isId } from "../http/identifiers";
import {
  type DeliveryEvent,
  EVENT_TYPES,
  type EventType,
  MAX_CUSTOMER_LENGTH,
  MAX_EVENT_AGE_MS,
  MAX_EVENT_ID_LENGTH,
  MAX_EVENT_SKEW_MS,
  MAX_EVENTS_PER_BATCH,
  MAX_RECIPIENT_LENGTH,
  MAX_SMTP_TEXT_LENGTH,
  MAX_URL_LENGTH,
  type SmtpAnswer,
} from "./event";

const EVENT_KEYS = [
  "id",
  "type",
  "at",
  "message",
  "customer",
  "recipient",
  "smtp",
  "bounce",
  "url",
];
/** Visible ASCII: sending services' ids are tokens, base64 or UUIDs. */
const EVENT_ID = /^[!-~]+$/;
/** RFC 3463: class.subject.detail, e.g. 4.7.0. */
const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Only these carry the receiving server's answer. */
const ANSWERED: readonly EventType[] = ["sent", "deferred", "delivered", "bounced"];

/** Checks a webhook body `{events: [...]}`; the first problem names its
 * field, e.g. `events.3.smtp.enhancedCode`. */
export function validateEvents(body: unknown, now: number): Validated<DeliveryEvent[]> {
  if (!isRecord(body) || !Array.isArray(body.events)) {
    return invalid("events", "must be a list of delivery events");
  }
  const { events } = body;
  if (events.length < 1 || events.length > MAX_EVENTS_PER_BATCH) {
    return invalid("events", `must hold 1 to ${MAX_EVENTS_PER_BATCH} events`);
  }
  const valid: DeliveryEvent[] = [];
  for (const [index, input] of events.entries()) {
    const checked = validateEvent(input, `events.${index}`, now);
    if (!checked.ok) return checked;
    valid.push(checked.value);
  }
  return { ok: true, value: valid };
}

function text(value: unknown, max: number): value is string {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= max &&
    !CONTROL.test(value)
  );
}

function validateEvent(
  input: unknown,
  field: string,
  now: number,
): Validated<DeliveryEvent> {
  if (!isRecord(input)) return invalid(field, "must be an object");
  const unknown = Object.keys(input).find((key) => !EVENT_KEYS.includes(key));
  if (unknown)
    return invalid(`${field}.${unknown}`, "is not a field of a delivery event");

  const { id, type, at, message, customer, recipient } = input;
  if (typeof id !== "string" || id.length > MAX_EVENT_ID_LENGTH || !EVENT_ID.test(id)) {
    return invalid(
      `${field}.id`,
      `must be the sending service's event id: 1 to ${MAX_EVENT_ID_LENGTH} visible ASCII characters`,
    );
  }
  if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return invalid(`${field}.type`, `must be one of ${EVENT_TYPES.join(", ")}`);
  }
  if (typeof at !== "number" || !Number.isSafeInteger(at)) {
    return invalid(`${field}.at`, "must be epoch milliseconds, an integer");
  }
  if (at > now + MAX_EVENT_SKEW_MS || at < now - MAX_EVENT_AGE_MS) {
    return invalid(
      `${field}.at`,
      "must be within the last 365 days and not in the future",
    );
  }
  if (!isId(message)) {
    return invalid(`${field}.message`, "must be a message id of this site");
  }
  if (!text(customer, MAX_CUSTOMER_LENGTH)) {
    return invalid(`${field}.customer`, `must be 1 to ${MAX_CUSTOMER_LENGTH} characters`);
  }
  if (!text(recipient, MAX_RECIPIENT_LENGTH)) {
    return invalid(
      `${field}.recipient`,
      `must be the email address or push subscription, 1 to ${MAX_RECIPIENT_LENGTH} characters`,
    );
  }
  const eventType = type as EventType;

  const smtp = validateSmtp(input.smtp, `${field}.smtp`, eventType);
  if (!smtp.ok) return smtp;
  const bounce = validateBounce(input.bounce, `${field}.bounce`, eventType);
  if (!bounce.ok) return bounce;
  const url = validateUrl(input.url, `${field}.url`, eventType);
  if (!url.ok) return url;

  return {
    ok: true,
    value: {
      id,
      type: eventType,
      at,
      message,
      customer,
      // Email domains are case-insensitive, and in practice mailboxes too:
      // one spelling per address keeps its bounces together. Push
      // subscription ids are left as they are: they may be case-sensitive.
      recipient: recipient.includes("@") ? recipient.toLowerCase() : recipient,
      smtp: smtp.value,
      bounceKind: bounce.value,
      url: url.value,
    },
  };
}

const NO_ANSWER: SmtpAnswer = { status: null, enhancedCode: null, text: null };

function validateSmtp(
  input: unknown,
  field: string,
  type: EventType,
): Validated<SmtpAnswer> {
  if (input === undefined || input === null) return { ok: true, value: NO_ANSWER };
  if (!ANSWERED.includes(type)) {
    return invalid(field, `is only for ${ANSWERED.join(", ")} events`);
  }
  if (!isRecord(input))
    return invalid(field, "must be an object {status, enhancedCode, text}");
  const unknown = Object.keys(input).find(
    (key) => !["status", "enhancedCode", "text"].includes(key),
  );
  if (unknown) return invalid(`${field}.${unknown}`, "is not a field of an SMTP answer");
  const { status, enhancedCode, text: answer } = input;
  if (
    status !== undefined &&
    (typeof status !== "number" ||
      !Number.isInteger(status) ||
      status < 200 ||
      status > 599)
  ) {
    return invalid(`${field}.status`, "must be an SMTP reply code, 200 to 599");
  }
  if (
    enhancedCode !== undefined &&
    (typeof enhancedCode !== "string" || !ENHANCED_CODE.test(enhancedCode))
  ) {
    return invalid(`${field}.enhancedCode`, "must be an enhanced status code like 4.7.0");
  }
  if (answer !== undefined && !text(answer, MAX_SMTP_TEXT_LENGTH)) {
    return invalid(
      `${field}.text`,
      `must be 1 to ${MAX_SMTP_TEXT_LENGTH} characters without control characters`,
    );
  }
  return {
    ok: true,
    value: {
      status: status ?? null,
      enhancedCode: (enhancedCode as string | undefined) ?? null,
      text: (answer as string | undefined) ?? null,
    },
  };
}

function validateBounce(
  input: unknown,
  field: string,
  type: EventType,
): Validated<"soft" | "hard" | null> {
  if (type !== "bounced") {
    if (input === undefined || input === null) return { ok: true, value: null };
    return invalid(field, "is only for bounced events");
  }
  if (!isRecord(input) || (input.kind !== "soft" && input.kind !== "hard")) {
    return invalid(`${field}.kind`, 'must be "soft" or "hard" for a bounced event');
  }
  const unknown = Object.keys(input).find((key) => key !== "kind");
  if (unknown) return invalid(`${field}.${unknown}`, "is not a field of a bounce");
  return { ok: true, value: input.kind };
}

function validateUrl(
  input: unknown,
  field: string,
  type: EventType,
): Validated<string | null> {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (type !== "clicked") return invalid(field, "is only for clicked events");
  if (
    typeof input !== "string" ||
    input.length > MAX_URL_LENGTH ||
    !URL.canParse(input)
  ) {
    return invalid(
      field,
      `must be an absolute URL of at most ${MAX_URL_LENGTH} characters`,
    );
  }
  const protocol = new URL(input).protocol;
  if (protocol !== "https:" && protocol !== "http:") {
    return invalid(field, "must be an http or https URL");
  }
  return { ok: true, value: input };
}
