/**
 * The demo shop's integration and a day of its generated call records, so
 * that the Integrations pages have something to show. The records are
 * made up (deterministically, from the seed's clock); nothing called.
 *
 * The integration's key is unusable until rotated: a seed is the same for
 * the same input, so it cannot hold a fresh secret, and a known one would
 * open every local demo. Rotating it in the back office shows a real key.
 */
import type { Order } from "./orders";
import { insertStatements, type SqlValue } from "./sql";

export const DEMO_INTEGRATION_ID = "int_0000000de0a0";
const MINUTE_MS = 60_000;

/** Every statement of the demo integration, its records and rejections. */
export function demoIntegrationStatements(
  siteId: string,
  now: number,
  orders: readonly Order[],
): string[] {
  return [
    ...insertStatements(
      "integrations",
      [
        "site_id",
        "id",
        "name",
        "kind",
        "operations",
        "secret_hash",
        "key_hint",
        "created_at",
        "key_created_at",
      ],
      [
        [
          siteId,
          DEMO_INTEGRATION_ID,
          "Shop back end (demo)",
          "backend_api",
          JSON.stringify(["Order", "AuthorizeCustomer"]),
          // Not a SHA-256 in hex, so no key ever matches it.
          `unusable:${siteId}:${DEMO_INTEGRATION_ID}`,
          "----",
          now,
          now,
        ],
      ],
    ),
    ...insertStatements(
      "integration_log",
      [
        "site_id",
        "integration_id",
        "at",
        "request_id",
        "method",
        "path",
        "operations",
        "status",
        "duration_ms",
        "error_code",
        "error_message",
        "payload",
        "headers",
      ],
      demoRecords(siteId, now, orders),
    ),
    ...insertStatements(
      "limiter_rejections",
      ["site_id", "operation", "minute", "rejected"],
      [12, 11, 10].map((minutesAgo, index) => [
        siteId,
        "ViewProduct",
        Math.floor(now / MINUTE_MS) * MINUTE_MS - minutesAgo * MINUTE_MS,
        [340, 1210, 75][index] ?? 0,
      ]),
    ),
  ];
}

/** One record every ten minutes of the last day: the newest orders sent
 * as the back end would, with a CalculateCart it may not call (403) and a
 * malformed order (400) now and then. */
function demoRecords(
  siteId: string,
  now: number,
  orders: readonly Order[],
): SqlValue[][] {
  const newest = [...orders].sort((a, b) => b.at - a.at).slice(0, 144);
  return newest.map((order, index) => {
    const at = now - (index + 1) * 10 * MINUTE_MS;
    const path = `/v1/sites/${siteId}/operations`;
    const headers = JSON.stringify({
      authorization: "Bearer ***",
      "content-type": "application/json",
    });
    const kind = index % 17 === 3 ? "forbidden" : index % 29 === 7 ? "invalid" : "ok";
    const action = {
      id: `seed-${order.id}`,
      operation: kind === "forbidden" ? "CalculateCart" : "Order",
      at: order.at,
      customer: order.customer,
      data: { order: order.id, items: kind === "invalid" ? [] : order.lines },
    };
    const outcome: [number, string | null, string | null] =
      kind === "forbidden"
        ? [
            403,
            "operation_not_allowed",
            'Integration "Shop back end (demo)" may not call CalculateCart, so nothing of this request was stored. Allow CalculateCart for it in the back office (Integrations), or leave it out.',
          ]
        : kind === "invalid"
          ? [400, "invalid_action", "actions.0.data.items must hold 1 to 100 lines."]
          : [202, null, null];
    return [
      siteId,
      DEMO_INTEGRATION_ID,
      at,
      `seed-${String(index).padStart(4, "0")}`,
      "POST",
      kind === "forbidden" ? `${path}/CalculateCart` : path,
      JSON.stringify([action.operation]),
      outcome[0],
      8 + (index % 23),
      outcome[1],
      outcome[2],
      JSON.stringify(
        kind === "forbidden"
          ? { customer: order.customer, items: order.lines }
          : { actions: [action] },
      ),
      headers,
    ];
  });
}
