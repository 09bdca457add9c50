import { createScheduledController, env } from "cloudflare:test";
import { expect } from "vitest";
import worker from "../../edge/index";
import { actionId, admin, postActions } from "./support";

export const DAY = 24 * 60 * 60 * 1000;

/** Runs the worker's scheduled handler itself, as the Cron Trigger would,
 * with `scheduledTime` as its "now". */
export async function runCron(scheduledTime = Date.now()): Promise<void> {
  await worker.scheduled(
    createScheduledController({ scheduledTime, cron: "17 * * * *" }),
    env,
  );
}

export async function putSegment(
  siteId: string,
  key: string,
  id: string,
  rule: Record<string, unknown>,
  name = id,
): Promise<Response> {
  return admin(siteId, key, `/segments/${id}`, {
    method: "PUT",
    body: JSON.stringify({ name, rule }),
  });
}

/** Orders by `customer` placed `daysAgo` days ago, through the API. */
export async function placeOrders(
  siteId: string,
  orders: { customer: string; daysAgo: number }[],
): Promise<void> {
  const response = await postActions(
    siteId,
    orders.map(({ customer, daysAgo }) => ({
      id: actionId(),
      operation: "Order",
      at: Date.now() - daysAgo * DAY,
      customer,
      data: { order: actionId(), items: [{ product: "milk" }] },
    })),
  );
  expect(response.status).toBe(202);
}

/**
 * `count` history rows of one segment, `daysAgo` days old (one millisecond
 * apart), written by one statement: a recursive CTE makes them in SQLite.
 */
export async function addHistory(
  siteId: string,
  segment: string,
  count: number,
  daysAgo: number,
): Promise<void> {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?4)
     INSERT INTO segment_history (site_id, segment_id, customer_id, change, at)
     SELECT ?1, ?2, 'c-' || (i % 2000), CASE i % 2 WHEN 0 THEN 'entered' ELSE 'exited' END,
       ?3 - i
     FROM n`,
  )
    .bind(siteId, segment, Date.now() - daysAgo * DAY, count)
    .run();
}
