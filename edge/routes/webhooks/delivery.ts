import { Hono } from "hono";
import { MAX_WEBHOOK_BYTES } from "../../communications/event";
import { ingestEvents, unknownMessages } from "../../communications/ingest";
import { validateEvents } from "../../communications/validate-events";
import { checkWebhookSecret } from "../../communications/webhook-secret";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";

/**
 * `POST /v1/sites/:site/webhooks/delivery`: delivery events from the
 * sending service, authenticated by the site's webhook secret as
 * `Authorization: Bearer vt_wh_…`. Answers 200 `{stored, duplicates}`; a
 * batch with one bad event is refused whole, naming the event's field, so
 * the service's retry cannot half-apply it.
 *
 * The secret is one per site (edge/communications/webhook-secret.ts). Once
 * integrations have their own keys (issue #9), this could accept a key of
 * an integration of kind "sending service webhook" instead.
 */
export const deliveryWebhook = new Hono<AppEnv>().post("/", async (c) => {
  const site = c.get("site");
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  if (!match?.[1]) {
    throw new ApiError(
      401,
      "unauthorized",
      "Send the site's webhook secret as `Authorization: Bearer <secret>`.",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine-webhook"' },
    );
  }
  const verdict = await checkWebhookSecret(c.env.DB, site.id, match[1]);
  if (verdict !== "ok") {
    throw new ApiError(
      401,
      "unauthorized",
      verdict === "none"
        ? `Site "${site.id}" has no webhook secret yet. Create one with POST /v1/sites/${site.id}/admin/communications/webhook-secret.`
        : "This webhook secret is not the site's current one. Use the latest secret.",
      "authorization",
      { "WWW-Authenticate": 'Bearer realm="vitrine-webhook", error="invalid_token"' },
    );
  }

  const body = await readJson(c, MAX_WEBHOOK_BYTES, "send fewer events per request");
  const now = Date.now();
  const checked = validateEvents(body, now);
  if (!checked.ok) {
    throw new ApiError(
      400,
      "invalid_event",
      `${checked.field} ${checked.message}.`,
      checked.field,
    );
  }
  const events = checked.value;
  const unknown = await unknownMessages(
    c.env.DB,
    site.id,
    events.map((event) => event.message),
  );
  const index = events.findIndex((event) => unknown.has(event.message));
  if (index >= 0) {
    const field = `events.${index}.message`;
    throw new ApiError(
      400,
      "unknown_message",
      `${field} names message "${events[index]?.message}", which site "${site.id}" does not have. Create it with PUT /admin/communications/messages/:id first.`,
      field,
    );
  }

  const result = await ingestEvents(c.env.DB, site.id, events, now);
  return c.json(result, 200);
});
