import { invalid, isRecord, type Validated } from "../../templates/validation";
import type { Currency } from "../money/currencies";
import { formatScaled } from "../money/format";
import { parseScaled } from "../money/parse";
import { type CardField, validateFieldValues } from "./card-fields";

export const CARD_STATUSES = ["active", "blocked", "expired"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9 -]{0,39}$/;
export const CARD_NUMBER_RULE =
  "must be 1 to 40 letters, digits, spaces or '-', starting with a letter or digit";

export function isCardNumber(value: unknown): value is string {
  return typeof value === "string" && NUMBER.test(value);
}

/** A discount card as stored: the balance in minor units. */
export interface Card {
  number: string;
  customer: string;
  status: CardStatus;
  balanceMinor: number | null;
  level: string | null;
  fields: Record<string, unknown>;
}

/** A card as the API answers it: the balance a decimal string in the
 * site's currency, as every amount of the API is. */
export interface CardView {
  number: string;
  customer: string;
  status: CardStatus;
  balance: string | null;
  level: string | null;
  fields: Record<string, unknown>;
  updatedAt: number;
}

/** Checks `{customer, status, balance?, level?, fields?}` against the
 * site's card fields. */
export function validateCard(
  number: string,
  body: unknown,
  fields: CardField[],
  currency: Currency,
): Validated<Card> {
  if (!isCardNumber(number)) return invalid("number", CARD_NUMBER_RULE);
  if (!isRecord(body)) return invalid("body", "must be an object");
  const extra = Object.keys(body).find(
    (key) => !["customer", "status", "balance", "level", "fields"].includes(key),
  );
  if (extra) return invalid(extra, "is not a property of a discount card");
  const customer = body.customer;
  if (typeof customer !== "string" || customer.length < 1 || customer.length > 128) {
    return invalid("customer", "must be the customer's id, 1 to 128 characters");
  }
  const status = body.status ?? "active";
  if (!CARD_STATUSES.includes(status as CardStatus)) {
    return invalid("status", `must be one of ${CARD_STATUSES.join(", ")}`);
  }
  let balanceMinor: number | null = null;
  if (body.balance !== undefined && body.balance !== null) {
    const parsed = parseScaled(body.balance, "balance", {
      decimals: currency.exponent,
      what: `${currency.code} amounts`,
      example: formatScaled(1250, currency.exponent),
      max: 10n ** 12n,
    });
    if (!parsed.ok) return parsed;
    balanceMinor = Number(parsed.value);
  }
  const level = body.level ?? null;
  if (
    level !== null &&
    (typeof level !== "string" || level.length < 1 || level.length > 64)
  ) {
    return invalid("level", "must be text of 1 to 64 characters, or null");
  }
  const values = validateFieldValues(body.fields, fields);
  if (!values.ok) return values;
  return {
    ok: true,
    value: {
      number,
      customer,
      status: status as CardStatus,
      balanceMinor,
      level,
      fields: values.value,
    },
  };
}

interface CardRow {
  number: string;
  customer_id: string;
  status: CardStatus;
  balance_minor: number | null;
  level: string | null;
  fields: string;
  updated_at: number;
}

const COLUMNS = "number, customer_id, status, balance_minor, level, fields, updated_at";

function view(row: CardRow, exponent: number): CardView {
  return {
    number: row.number,
    customer: row.customer_id,
    status: row.status,
    balance:
      row.balance_minor === null ? null : formatScaled(row.balance_minor, exponent),
    level: row.level,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    updatedAt: row.updated_at,
  };
}

export async function customerCards(
  db: D1Database,
  siteId: string,
  customer: string,
  exponent = 2,
): Promise<CardView[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM discount_cards WHERE site_id = ? AND customer_id = ? ORDER BY number`,
    )
    .bind(siteId, customer)
    .all<CardRow>();
  return results.map((row) => view(row, exponent));
}

export async function findCard(
  db: D1Database,
  siteId: string,
  number: string,
  exponent: number,
): Promise<CardView | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM discount_cards WHERE site_id = ? AND number = ?`)
    .bind(siteId, number)
    .first<CardRow>();
  return row ? view(row, exponent) : null;
}

/** Creates or replaces a card; also records its customer, so a card can be
 * issued before the customer's first visit. One batch: both or neither. */
export async function saveCard(
  db: D1Database,
  siteId: string,
  card: Card,
  now: number,
): Promise<"created" | "replaced"> {
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO discount_cards (site_id, number, customer_id, status, balance_minor,
           level, fields, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT (site_id, number) DO UPDATE SET
           customer_id = excluded.customer_id, status = excluded.status,
           balance_minor = excluded.balance_minor, level = excluded.level,
           fields = excluded.fields, updated_at = excluded.updated_at
         RETURNING created_at = updated_at AS created`,
      )
      .bind(
        siteId,
        card.number,
        card.customer,
        card.status,
        card.balanceMinor,
        card.level,
        JSON.stringify(card.fields),
        now,
      ),
    db
      .prepare(
        `INSERT INTO customers (site_id, id, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (site_id, id) DO NOTHING`,
      )
      .bind(siteId, card.customer, now),
  ]);
  const created = (inserted?.results[0] as { created?: number } | undefined)?.created;
  return created === 1 ? "created" : "replaced";
}

export async function deleteCard(db: D1Database, siteId: string, number: string) {
  const result = await db
    .prepare("DELETE FROM discount_cards WHERE site_id = ? AND number = ?")
    .bind(siteId, number)
    .run();
  return result.meta.changes > 0;
}
