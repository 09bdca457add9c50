import { Hono } from "hono";
import {
  deleteCardField,
  FIELD_NAME_RULE,
  isFieldName,
  listCardFields,
  MAX_CARD_FIELDS,
  saveCardField,
  validateCardField,
} from "../../customers/card-fields";
import {
  CARD_NUMBER_RULE,
  customerCards,
  deleteCard,
  findCard,
  isCardNumber,
  saveCard,
  validateCard,
} from "../../customers/cards";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, badRequest, notFound } from "../../http/errors";
import { optionalText } from "../../http/query";
import { siteCurrencyOrThrow } from "../../money/site-currency";

function cardNumber(value: string): string {
  if (!isCardNumber(value)) throw badRequest("number", CARD_NUMBER_RULE);
  return value;
}

/**
 * Admin: discount cards, `GET /admin/cards?customer=`, `GET / PUT / DELETE
 * /admin/cards/:number`. `PUT` creates (201) or replaces (200)
 * `{customer, status, balance?, level?, fields?}`; `fields` are checked
 * against the site's card fields. Balances are decimal strings in the
 * site's currency.
 */
export const adminCards = new Hono<AppEnv>()
  .get("/", async (c) => {
    const site = c.get("site");
    const customer = optionalText(c.req.query("customer"), "customer", 128);
    if (!customer)
      throw badRequest("customer", "is required: the customer whose cards to list");
    const cards = await customerCards(
      c.env.DB,
      site.id,
      customer,
      siteCurrencyOrThrow(site).exponent,
    );
    return c.json({ cards });
  })
  .get("/:number", async (c) => {
    const number = cardNumber(c.req.param("number"));
    const site = c.get("site");
    const card = await findCard(
      c.env.DB,
      site.id,
      number,
      siteCurrencyOrThrow(site).exponent,
    );
    if (!card) throw notFound(`Discount card "${number}"`);
    return c.json(card);
  })
  .put("/:number", async (c) => {
    const number = cardNumber(c.req.param("number"));
    const site = c.get("site");
    const currency = siteCurrencyOrThrow(site);
    const body = await readJson(c, 8 * 1024);
    const fields = await listCardFields(c.env.DB, site.id);
    const checked = validateCard(number, body, fields, currency);
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_card",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const outcome = await saveCard(c.env.DB, site.id, checked.value, Date.now());
    const card = await findCard(c.env.DB, site.id, number, currency.exponent);
    return c.json(card, outcome === "created" ? 201 : 200);
  })
  .delete("/:number", async (c) => {
    const number = cardNumber(c.req.param("number"));
    if (!(await deleteCard(c.env.DB, c.get("site").id, number))) {
      throw notFound(`Discount card "${number}"`);
    }
    return c.body(null, 204);
  });

/**
 * Admin: the site's custom card fields, `GET /admin/card-fields`,
 * `PUT / DELETE /admin/card-fields/:name`; `PUT` takes `{type, required?,
 * choices?}`. Known limit: making a field required, or deleting a field,
 * does not rewrite existing cards; a card missing a required field is
 * refused at its next save until the field is filled.
 */
export const adminCardFields = new Hono<AppEnv>()
  .get("/", async (c) =>
    c.json({ fields: await listCardFields(c.env.DB, c.get("site").id) }),
  )
  .put("/:name", async (c) => {
    const name = c.req.param("name");
    const checked = validateCardField(name, await readJson(c, 4 * 1024));
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_card_field",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const outcome = await saveCardField(
      c.env.DB,
      c.get("site").id,
      checked.value,
      Date.now(),
    );
    if (outcome === "full") {
      throw new ApiError(
        409,
        "too_many_card_fields",
        `The site already has ${MAX_CARD_FIELDS} card fields; delete one before adding another.`,
        "name",
      );
    }
    return c.json(checked.value, outcome === "created" ? 201 : 200);
  })
  .delete("/:name", async (c) => {
    const name = c.req.param("name");
    if (!isFieldName(name)) throw badRequest("name", FIELD_NAME_RULE);
    if (!(await deleteCardField(c.env.DB, c.get("site").id, name))) {
      throw notFound(`Card field "${name}"`);
    }
    return c.body(null, 204);
  });
