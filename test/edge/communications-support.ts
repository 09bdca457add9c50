import { admin, call, createSite } from "./support";

export const DAY = 86_400_000;
/** Midnight UTC some days ago: well inside the webhook's accepted year. */
export const BASE_DAY = Math.floor(Date.now() / DAY) - 30;
export const BASE = BASE_DAY * DAY;

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface CommsSite {
  id: string;
  key: string;
  secret: string;
}

/** A site with a webhook secret, campaign "spring" and its messages
 * "spring-1" (email) and "spring-2" (web push). */
export async function commsSite(id: string): Promise<CommsSite> {
  const site = await createSite(id);
  const rotated = await admin(id, site.key, "/communications/webhook-secret", {
    method: "POST",
  });
  const { secret } = (await rotated.json()) as { secret: string };
  await adminJson(site, "PUT", "/communications/campaigns/spring", { name: "Spring" });
  await adminJson(site, "PUT", "/communications/messages/spring-1", {
    campaign: "spring",
    channel: "email",
    subject: "Spring is here",
  });
  await adminJson(site, "PUT", "/communications/messages/spring-2", {
    campaign: "spring",
    channel: "webpush",
    subject: "Spring, pushed",
  });
  return { ...site, secret };
}

export async function adminJson<T = unknown>(
  site: { id: string; key: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await admin(site.id, site.key, path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export function postEvents(
  site: { id: string; secret: string },
  events: unknown[],
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(`/v1/sites/${site.id}/webhooks/delivery`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${site.secret}`,
      "Content-Type": "application/json",
      ...headers,
    },
    body: JSON.stringify({ events }),
  });
}

export async function sendAll(site: CommsSite, events: unknown[]): Promise<void> {
  for (let start = 0; start < events.length; start += 500) {
    const response = await postEvents(site, events.slice(start, start + 500));
    if (response.status !== 200) {
      throw new Error(`webhook: ${response.status} ${await response.text()}`);
    }
  }
}

let sequence = 0;

/** One event of message spring-1 to customer c-1 unless told otherwise. */
export function event(
  type: string,
  at: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    id: `ev-${sequence}`,
    type,
    at,
    message: "spring-1",
    customer: "c-1",
    recipient: "anna@corp.example",
    ...extra,
  };
}
