/**
 * The demo shop's segments, their members and a month of segment history,
 * with auto-deletion set to 14 days and the loyalty segment kept.
 *
 * The history is what daily recomputes over the seeded month would have
 * recorded: it replays the seed's own orders day by day with the same
 * rules the edge applies (edge/segments/rule.ts), so old rows exist for
 * auto-deletion to preview and remove, and the next real recompute
 * continues from consistent memberships.
 */
import { DAY_MS, type Order } from "./orders";
import { insertStatements, type SqlValue } from "./sql";

interface DemoSegment {
  id: string;
  name: string;
  rule: Record<string, unknown>;
  /** Whether `customer` is a member at `at`, given their orders so far. */
  member(orderTimes: readonly number[], at: number): boolean;
}

const DEMO_SEGMENTS: readonly DemoSegment[] = [
  {
    id: "recent-buyers",
    name: "Bought in the last 7 days",
    rule: { type: "bought_within_days", days: 7 },
    member: (times, at) => times.some((t) => t >= at - 7 * DAY_MS),
  },
  {
    id: "loyal",
    name: "Loyal: 5 or more orders in 30 days",
    rule: { type: "orders_at_least", orders: 5, days: 30 },
    member: (times, at) => times.filter((t) => t >= at - 30 * DAY_MS).length >= 5,
  },
  {
    id: "lapsed",
    name: "No visit for 10 days",
    rule: { type: "inactive_for_days", days: 10 },
    member: (times, at) => times.length > 0 && Math.max(...times) < at - 10 * DAY_MS,
  },
];

export function demoSegmentStatements(
  siteId: string,
  now: number,
  orders: readonly Order[],
): string[] {
  const byCustomer = new Map<string, number[]>();
  for (const order of orders) {
    const times = byCustomer.get(order.customer) ?? [];
    times.push(order.at);
    byCustomer.set(order.customer, times);
  }
  const customers = [...byCustomer].sort(([a], [b]) => a.localeCompare(b));
  // Daily recomputes over the month, the last one at `now`.
  const steps = Array.from({ length: 31 }, (_, day) => now - (30 - day) * DAY_MS);

  const history: SqlValue[][] = [];
  const members: SqlValue[][] = [];
  for (const segment of DEMO_SEGMENTS) {
    for (const [customer, times] of customers) {
      let since: number | null = null;
      for (const at of steps) {
        const known = times.filter((t) => t <= at);
        const inside = segment.member(known, at);
        if (inside && since === null) {
          since = at;
          history.push([siteId, segment.id, customer, "entered", at]);
        } else if (!inside && since !== null) {
          since = null;
          history.push([siteId, segment.id, customer, "exited", at]);
        }
      }
      if (since !== null) members.push([siteId, segment.id, customer, since]);
    }
  }

  return [
    ...insertStatements(
      "segments",
      ["site_id", "id", "name", "rule", "created_at", "updated_at", "computed_at"],
      DEMO_SEGMENTS.map((segment) => [
        siteId,
        segment.id,
        segment.name,
        JSON.stringify(segment.rule),
        now - 30 * DAY_MS,
        now - 30 * DAY_MS,
        now,
      ]),
    ),
    ...insertStatements(
      "segment_memberships",
      ["site_id", "segment_id", "customer_id", "since"],
      members,
    ),
    ...insertStatements(
      "segment_history",
      ["site_id", "segment_id", "customer_id", "change", "at"],
      history,
    ),
    ...insertStatements(
      "retention_settings",
      ["site_id", "history_days", "updated_at"],
      [[siteId, 14, now]],
    ),
    ...insertStatements(
      "retention_exceptions",
      ["site_id", "segment_id"],
      [[siteId, "loyal"]],
    ),
  ];
}
