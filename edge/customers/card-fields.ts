import { invalid, isRecord, type Validated } from "../../templates/validation";

export const FIELD_TYPES = ["text", "number", "date", "boolean", "choice"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A custom field of the site's discount cards, e.g. a loyalty level. */
export interface CardField {
  name: string;
  type: FieldType;
  required: boolean;
  /** The allowed values of a `choice` field; null for other types. */
  choices: string[] | null;
}

export const MAX_CARD_FIELDS = 30;
const NAME = /^[a-z][a-z0-9_]{0,31}$/;
export const FIELD_NAME_RULE =
  "must be 1 to 32 lower-case letters, digits or '_', starting with a letter";
const MAX_CHOICES = 50;
const MAX_TEXT = 200;

export function isFieldName(value: unknown): value is string {
  return typeof value === "string" && NAME.test(value);
}

/** Checks a field definition, `{type, required?, choices?}`. */
export function validateCardField(name: string, body: unknown): Validated<CardField> {
  if (!isFieldName(name)) return invalid("name", FIELD_NAME_RULE);
  if (!isRecord(body)) return invalid("body", "must be an object");
  const extra = Object.keys(body).find(
    (key) => !["type", "required", "choices"].includes(key),
  );
  if (extra) return invalid(extra, "is not a property of a card field");
  if (!FIELD_TYPES.includes(body.type as FieldType)) {
    return invalid("type", `must be one of ${FIELD_TYPES.join(", ")}`);
  }
  const type = body.type as FieldType;
  const required = body.required ?? false;
  if (typeof required !== "boolean") return invalid("required", "must be true or false");
  if (type !== "choice") {
    if (body.choices !== undefined && body.choices !== null) {
      return invalid("choices", "is only for fields of type choice");
    }
    return { ok: true, value: { name, type, required, choices: null } };
  }
  const choices = body.choices;
  if (!Array.isArray(choices) || choices.length < 1 || choices.length > MAX_CHOICES) {
    return invalid("choices", `must list 1 to ${MAX_CHOICES} values`);
  }
  for (const [index, choice] of choices.entries()) {
    if (typeof choice !== "string" || choice.length < 1 || choice.length > 64) {
      return invalid(`choices.${index}`, "must be text of 1 to 64 characters");
    }
  }
  if (new Set(choices).size !== choices.length) {
    return invalid("choices", "must not repeat a value");
  }
  return { ok: true, value: { name, type, required, choices: choices as string[] } };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function checkValue(field: CardField, value: unknown, path: string): Validated<unknown> {
  switch (field.type) {
    case "text":
      return typeof value === "string" && value.length <= MAX_TEXT
        ? { ok: true, value }
        : invalid(path, `must be text of at most ${MAX_TEXT} characters`);
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? { ok: true, value }
        : invalid(path, "must be a number");
    case "date":
      return typeof value === "string" && isDate(value)
        ? { ok: true, value }
        : invalid(path, "must be a date written YYYY-MM-DD");
    case "boolean":
      return typeof value === "boolean"
        ? { ok: true, value }
        : invalid(path, "must be true or false");
    case "choice":
      return typeof value === "string" && (field.choices ?? []).includes(value)
        ? { ok: true, value }
        : invalid(path, `must be one of ${(field.choices ?? []).join(", ")}`);
  }
}

/** Checks a card's custom field values against the site's definitions:
 * every required field present, no unknown field, each value of its type. */
export function validateFieldValues(
  values: unknown,
  fields: CardField[],
): Validated<Record<string, unknown>> {
  const input = values ?? {};
  if (!isRecord(input)) return invalid("fields", "must be an object of field values");
  const known = new Map(fields.map((field) => [field.name, field]));
  const unknown = Object.keys(input).find((name) => !known.has(name));
  if (unknown) {
    return invalid(
      `fields.${unknown}`,
      "is not a card field of the site; define it first",
    );
  }
  const checked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = input[field.name];
    if (value === undefined || value === null) {
      if (field.required) return invalid(`fields.${field.name}`, "is required");
      continue;
    }
    const result = checkValue(field, value, `fields.${field.name}`);
    if (!result.ok) return result;
    checked[field.name] = result.value;
  }
  return { ok: true, value: checked };
}

interface FieldRow {
  name: string;
  type: FieldType;
  required: number;
  choices: string | null;
}

export async function listCardFields(
  db: D1Database,
  siteId: string,
): Promise<CardField[]> {
  const { results } = await db
    .prepare(
      "SELECT name, type, required, choices FROM card_fields WHERE site_id = ? ORDER BY position, name",
    )
    .bind(siteId)
    .all<FieldRow>();
  return results.map((row) => ({
    name: row.name,
    type: row.type,
    required: row.required === 1,
    choices: row.choices ? (JSON.parse(row.choices) as string[]) : null,
  }));
}

/** Creates or replaces a field; "full" when the site has its maximum. The
 * count and the insert are one statement, so two creations at once cannot
 * pass the maximum together. */
export async function saveCardField(
  db: D1Database,
  siteId: string,
  field: CardField,
  now: number,
): Promise<"created" | "replaced" | "full"> {
  const existing = await db
    .prepare("SELECT 1 AS found FROM card_fields WHERE site_id = ? AND name = ?")
    .bind(siteId, field.name)
    .first();
  const choices = field.choices ? JSON.stringify(field.choices) : null;
  if (existing) {
    await db
      .prepare(
        "UPDATE card_fields SET type = ?, required = ?, choices = ? WHERE site_id = ? AND name = ?",
      )
      .bind(field.type, field.required ? 1 : 0, choices, siteId, field.name)
      .run();
    return "replaced";
  }
  const inserted = await db
    .prepare(
      `INSERT INTO card_fields (site_id, name, type, required, choices, position, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, coalesce(max(position) + 1, 0), ?6
       FROM card_fields WHERE site_id = ?1
       HAVING count(*) < ?7
       ON CONFLICT (site_id, name) DO NOTHING`,
    )
    .bind(
      siteId,
      field.name,
      field.type,
      field.required ? 1 : 0,
      choices,
      now,
      MAX_CARD_FIELDS,
    )
    .run();
  return inserted.meta.changes > 0 ? "created" : "full";
}

export async function deleteCardField(
  db: D1Database,
  siteId: string,
  name: string,
): Promise<boolean> {
  const result = await db
    .prepare("DELETE FROM card_fields WHERE site_id = ? AND name = ?")
    .bind(siteId, name)
    .run();
  return result.meta.changes > 0;
}
