import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import { customerProfile, searchCustomers } from "../../customers/profile";
import { pushToCustomer } from "../../customers/test-push";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, badRequest, notFound } from "../../http/errors";
import { optionalText } from "../../http/query";
import { siteCurrencyOrThrow } from "../../money/site-currency";
import type { PushFetch } from "../../push/send";

const MAX_ID = 128;

function customerId(value: string): string {
  if (value.length < 1 || value.length > MAX_ID) {
    throw badRequest("id", `must be a customer id of 1 to ${MAX_ID} characters`);
  }
  return value;
}

function optionalLine(body: Record<string, unknown>, name: string, max: number) {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length < 1 || value.length > max) {
    throw badRequest(name, `must be text of 1 to ${max} characters`);
  }
  return value;
}

/**
 * Admin: customers.
 * - `GET /admin/customers?q=&limit=`: customers whose id contains `q`;
 * - `GET /admin/customers/:id`: the profile (identifiers, ranked devices
 *   with `pushable` and `reason`, last web device, discount cards and the
 *   site's card fields, recent actions, recent pushes);
 * - `POST /admin/customers/:id/push/test` `{title?, body?}`: sends a push
 *   to the customer's most-used reachable devices and answers which were
 *   chosen, why, and what their push services said.
 *
 * `fetcher` is how pushes leave: the worker's `fetch` in production; tests
 * mount these routes with a push-service stand-in.
 */
export function adminCustomers(fetcher: PushFetch = (request) => fetch(request)) {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const query = c.req.query();
      const q = optionalText(query.q?.trim(), "q", MAX_ID) ?? "";
      const limit = Number(query.limit ?? "20");
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw badRequest("limit", "must be a whole number from 1 to 100");
      }
      const customers = await searchCustomers(c.env.DB, c.get("site").id, q, limit);
      return c.json({ customers });
    })
    .get("/:id", async (c) => {
      const id = customerId(c.req.param("id"));
      const site = c.get("site");
      const profile = await customerProfile(c.env.DB, site.id, id, {
        now: Date.now(),
        currencyExponent: siteCurrencyOrThrow(site).exponent,
      });
      if (!profile) throw notFound(`Customer "${id}"`);
      return c.json(profile);
    })
    .post("/:id/push/test", async (c) => {
      const id = customerId(c.req.param("id"));
      const site = c.get("site");
      const body = await readJson(c, 4 * 1024);
      if (!isRecord(body)) throw badRequest("body", "must be an object");
      const extra = Object.keys(body).find(
        (key) => !["title", "body", "url"].includes(key),
      );
      if (extra) throw badRequest(extra, "is not a field of a test push");
      const url = optionalLine(body, "url", 500);
      if (url !== undefined && !/^https?:\/\//.test(url)) {
        throw badRequest("url", "must be an http or https URL");
      }
      const message = {
        title: optionalLine(body, "title", 100) ?? `Test from ${site.name}`,
        body: optionalLine(body, "body", 300) ?? "Push notifications reach this device.",
        ...(url && { url }),
      };

      const now = Date.now();
      const result = await pushToCustomer(c.env.DB, site.id, id, message, {
        fetcher,
        subject: new URL(c.req.url).origin,
        now,
      });
      if (result.devices === 0)
        throw notFound(`Customer "${id}" or any device of theirs`);
      if (result.sends.length === 0) {
        throw new ApiError(
          409,
          "no_reachable_device",
          `None of the ${result.devices} devices of customer "${id}" can receive a push; the profile says why for each.`,
          "id",
        );
      }
      return c.json(result);
    });
}
