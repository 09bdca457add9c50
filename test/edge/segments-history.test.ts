import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { placeOrders, putSegment, runCron } from "./segments-support";
import { admin, countRows, createSite } from "./support";

interface HistoryRow {
  customer: string;
  change: "entered" | "exited";
}

async function history(siteId: string, key: string, segment: string) {
  const response = await admin(siteId, key, `/segments/${segment}/history`);
  const { history: rows } = (await response.json()) as { history: HistoryRow[] };
  return rows.map((row) => `${row.change} ${row.customer}`).sort();
}

async function recompute(siteId: string, key: string, segment: string) {
  const response = await admin(siteId, key, `/segments/${segment}/recompute`, {
    method: "POST",
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe("segments", () => {
  it("records each customer's entry and exit as segment history", async () => {
    const site = await createSite("seg-history");
    await placeOrders(site.id, [
      { customer: "c-1", daysAgo: 2 },
      { customer: "c-2", daysAgo: 10 },
    ]);
    expect(
      (
        await putSegment(site.id, site.key, "recent", {
          type: "bought_within_days",
          days: 7,
        })
      ).status,
    ).toBe(201);

    expect(await recompute(site.id, site.key, "recent")).toEqual({
      segment: "recent",
      entered: 1,
      exited: 0,
      members: 1,
    });
    expect(await history(site.id, site.key, "recent")).toEqual(["entered c-1"]);
    // Nothing changed: nothing recorded.
    expect(await recompute(site.id, site.key, "recent")).toMatchObject({
      entered: 0,
      exited: 0,
    });

    await putSegment(site.id, site.key, "recent", {
      type: "bought_within_days",
      days: 14,
    });
    expect(await recompute(site.id, site.key, "recent")).toMatchObject({
      entered: 1,
      members: 2,
    });
    await putSegment(site.id, site.key, "recent", {
      type: "bought_within_days",
      days: 1,
    });
    expect(await recompute(site.id, site.key, "recent")).toMatchObject({
      entered: 0,
      exited: 2,
      members: 0,
    });
    expect(await history(site.id, site.key, "recent")).toEqual([
      "entered c-1",
      "entered c-2",
      "exited c-1",
      "exited c-2",
    ]);
  });

  it("has rules for order counts and inactivity", async () => {
    const site = await createSite("seg-rules");
    await placeOrders(site.id, [
      { customer: "c-1", daysAgo: 1 },
      { customer: "c-1", daysAgo: 3 },
      { customer: "c-2", daysAgo: 1 },
      { customer: "c-3", daysAgo: 20 },
    ]);
    await putSegment(site.id, site.key, "loyal", {
      type: "orders_at_least",
      orders: 2,
      days: 30,
    });
    await putSegment(site.id, site.key, "lapsed", {
      type: "inactive_for_days",
      days: 14,
    });
    expect(await recompute(site.id, site.key, "loyal")).toMatchObject({ members: 1 });
    expect(await history(site.id, site.key, "loyal")).toEqual(["entered c-1"]);
    expect(await recompute(site.id, site.key, "lapsed")).toMatchObject({ members: 1 });
    expect(await history(site.id, site.key, "lapsed")).toEqual(["entered c-3"]);
  });

  it("refuses a card rule on a site without card fields, and bad rules, by field", async () => {
    const site = await createSite("seg-invalid");
    const card = await putSegment(site.id, site.key, "gold", {
      type: "discount_card_field",
      field: "level",
      equals: "gold",
    });
    expect(card.status).toBe(400);
    const body = (await card.json()) as ErrorBody;
    // More card rule cases: segments-card-rule.test.ts.
    expect(body.error.field).toBe("rule.field");
    expect(body.error.message).toContain("card fields");

    const days = await putSegment(site.id, site.key, "x", {
      type: "bought_within_days",
      days: 0,
    });
    expect(((await days.json()) as ErrorBody).error.field).toBe("rule.days");
    const extra = await putSegment(site.id, site.key, "x", {
      type: "bought_within_days",
      days: 3,
      orders: 2,
    });
    expect(((await extra.json()) as ErrorBody).error.field).toBe("rule.orders");
    expect(
      await countRows("SELECT count(*) AS n FROM segments WHERE site_id = ?", site.id),
    ).toBe(0);
  });

  it("recomputes every segment from the scheduled handler", async () => {
    const site = await createSite("seg-cron");
    await placeOrders(site.id, [{ customer: "c-9", daysAgo: 1 }]);
    await putSegment(site.id, site.key, "recent", {
      type: "bought_within_days",
      days: 7,
    });
    await runCron();
    expect(await history(site.id, site.key, "recent")).toEqual(["entered c-9"]);
    await runCron();
    expect(await history(site.id, site.key, "recent")).toEqual(["entered c-9"]);
  });

  it("deletes a segment with its members, history and exception in one go", async () => {
    const site = await createSite("seg-delete");
    await placeOrders(site.id, [{ customer: "c-1", daysAgo: 1 }]);
    await putSegment(site.id, site.key, "recent", {
      type: "bought_within_days",
      days: 7,
    });
    await recompute(site.id, site.key, "recent");
    await admin(site.id, site.key, "/segments/retention", {
      method: "PUT",
      body: JSON.stringify({ historyDays: 30, exceptions: ["recent"] }),
    });
    const deleted = await admin(site.id, site.key, "/segments/recent", {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    for (const table of [
      "segments",
      "segment_memberships",
      "segment_history",
      "retention_exceptions",
    ]) {
      expect(
        await countRows(`SELECT count(*) AS n FROM ${table} WHERE site_id = ?`, site.id),
      ).toBe(0);
    }
  });
});
