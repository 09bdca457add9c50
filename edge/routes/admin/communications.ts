import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import { saveCampaign, saveMessage } from "../../communications/catalog";
import {
  campaignDetail,
  campaignOverview,
  campaignSeries,
} from "../../communications/dashboard";
import { CHANNELS, type Channel, MAX_CUSTOMER_LENGTH } from "../../communications/event";
import { MAX_PARTICIPATION, participation } from "../../communications/participation";
import { parsePeriod } from "../../communications/period";
import { rotateWebhookSecret } from "../../communications/webhook-secret";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";

const MAX_BODY_BYTES = 4 * 1024;
const MAX_NAME = 120;
const MAX_SUBJECT = 200;

function pathId(value: string, field = "id"): string {
  if (!isId(value))
    throw new ApiError(400, "invalid_request", `${field} ${ID_RULE}.`, field);
  return value;
}

function invalid(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_request", `${field} ${message}.`, field);
}

function text(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field];
  if (typeof value !== "string" || value.trim() === "" || value.length > max) {
    throw invalid(field, `must be 1 to ${max} characters`);
  }
  return value.trim();
}

function objectBody(body: unknown, fields: string[]): Record<string, unknown> {
  if (!isRecord(body)) throw invalid("body", "must be a JSON object");
  const unknown = Object.keys(body).find((key) => !fields.includes(key));
  if (unknown) throw invalid(unknown, "is not a field here");
  return body;
}

/**
 * Admin: campaigns and messages, their delivery metrics over a period, a
 * customer's message participation, and the delivery webhook's secret.
 */
export const adminCommunications = new Hono<AppEnv>()
  .post("/webhook-secret", async (c) => {
    const site = c.get("site");
    const now = Date.now();
    const secret = await rotateWebhookSecret(c.env.DB, site.id, now);
    return c.json(
      {
        secret,
        createdAt: now,
        webhook: `/v1/sites/${site.id}/webhooks/delivery`,
        note: "Shown once. Any previous secret stopped working now.",
      },
      201,
    );
  })
  .get("/campaigns", async (c) => {
    const period = parsePeriod(c.req.query(), Date.now());
    return c.json(await campaignOverview(c.env.DB, c.get("site").id, period));
  })
  .get("/campaigns/:id", async (c) => {
    const id = pathId(c.req.param("id"));
    const period = parsePeriod(c.req.query(), Date.now());
    const found = await campaignDetail(c.env.DB, c.get("site").id, id, period);
    if (!found) throw notFound(`Campaign "${id}"`);
    return c.json(found);
  })
  .get("/campaigns/:id/series", async (c) => {
    const id = pathId(c.req.param("id"));
    const period = parsePeriod(c.req.query(), Date.now());
    const found = await campaignSeries(c.env.DB, c.get("site").id, id, period);
    if (!found) throw notFound(`Campaign "${id}"`);
    return c.json(found);
  })
  .put("/campaigns/:id", async (c) => {
    const id = pathId(c.req.param("id"));
    const body = objectBody(await readJson(c, MAX_BODY_BYTES), ["name"]);
    const campaign = { id, name: text(body, "name", MAX_NAME) };
    const created = await saveCampaign(c.env.DB, c.get("site").id, campaign, Date.now());
    return c.json(campaign, created ? 201 : 200);
  })
  .put("/messages/:id", async (c) => {
    const id = pathId(c.req.param("id"));
    const body = objectBody(await readJson(c, MAX_BODY_BYTES), [
      "campaign",
      "channel",
      "subject",
    ]);
    if (!isId(body.campaign)) throw invalid("campaign", ID_RULE);
    if (!(CHANNELS as readonly unknown[]).includes(body.channel)) {
      throw invalid("channel", `must be one of ${CHANNELS.join(", ")}`);
    }
    const message = {
      id,
      campaign_id: body.campaign,
      channel: body.channel as Channel,
      subject: text(body, "subject", MAX_SUBJECT),
    };
    const outcome = await saveMessage(c.env.DB, c.get("site").id, message, Date.now());
    if (outcome === "no_campaign") {
      throw new ApiError(
        400,
        "unknown_campaign",
        `campaign "${message.campaign_id}" does not exist; create it with PUT /admin/communications/campaigns/:id first.`,
        "campaign",
      );
    }
    const view = {
      id,
      campaign: message.campaign_id,
      channel: message.channel,
      subject: message.subject,
    };
    return c.json(view, outcome === "created" ? 201 : 200);
  })
  .get("/customers/:customer", async (c) => {
    const customer = c.req.param("customer");
    if (customer.length < 1 || customer.length > MAX_CUSTOMER_LENGTH) {
      throw invalid("customer", `must be 1 to ${MAX_CUSTOMER_LENGTH} characters`);
    }
    const limit = Number(c.req.query("limit") ?? "50");
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PARTICIPATION) {
      throw invalid("limit", `must be 1 to ${MAX_PARTICIPATION}`);
    }
    return c.json(await participation(c.env.DB, c.get("site").id, customer, limit));
  });
