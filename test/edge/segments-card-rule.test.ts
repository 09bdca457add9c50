import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { putSegment } from "./segments-support";
import { admin, countRows, createSite } from "./support";

async function defineField(site: string, key: string, name: string, body: unknown) {
  const response = await admin(site, key, `/card-fields/${name}`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function putCard(site: string, key: string, number: string, body: unknown) {
  const response = await admin(site, key, `/cards/${number}`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
  expect([200, 201], await response.clone().text()).toContain(response.status);
}

async function recompute(site: string, key: string, segment: string) {
  const response = await admin(site, key, `/segments/${segment}/recompute`, {
    method: "POST",
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

async function history(site: string, key: string, segment: string) {
  const response = await admin(site, key, `/segments/${segment}/history`);
  const body = (await response.json()) as {
    history: { customer: string; change: string }[];
  };
  return body.history.map((row) => `${row.change} ${row.customer}`).sort();
}

/** A site with a required loyalty level, a VIP flag and a points count. */
async function siteWithFields(name: string) {
  const site = await createSite(name);
  await defineField(site.id, site.key, "loyalty_level", {
    type: "choice",
    required: true,
    choices: ["silver", "gold"],
  });
  await defineField(site.id, site.key, "vip", { type: "boolean" });
  await defineField(site.id, site.key, "points", { type: "number" });
  return site;
}

describe("segments on a discount card field", () => {
  it("records customers with an active gold card entering, and leaving when it changes", async () => {
    const site = await siteWithFields("seg-card");
    const card = (customer: string, level: string, status = "active") => ({
      customer,
      status,
      fields: { loyalty_level: level },
    });
    await putCard(site.id, site.key, "C-1", card("c-1", "gold"));
    await putCard(site.id, site.key, "C-2", card("c-2", "gold"));
    await putCard(site.id, site.key, "C-3", card("c-3", "silver"));
    // A blocked gold card does not count.
    await putCard(site.id, site.key, "C-4", card("c-4", "gold", "blocked"));
    // Two cards, one of them gold: a member once.
    await putCard(site.id, site.key, "C-5a", card("c-5", "silver"));
    await putCard(site.id, site.key, "C-5b", card("c-5", "gold"));

    const created = await putSegment(site.id, site.key, "gold", {
      type: "discount_card_field",
      field: "loyalty_level",
      equals: "gold",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({
      rule: { type: "discount_card_field", field: "loyalty_level", equals: "gold" },
    });

    expect(await recompute(site.id, site.key, "gold")).toEqual({
      segment: "gold",
      entered: 3,
      exited: 0,
      members: 3,
    });
    expect(await history(site.id, site.key, "gold")).toEqual([
      "entered c-1",
      "entered c-2",
      "entered c-5",
    ]);

    await putCard(site.id, site.key, "C-2", card("c-2", "silver"));
    await putCard(site.id, site.key, "C-1", card("c-1", "gold", "expired"));
    expect(await recompute(site.id, site.key, "gold")).toEqual({
      segment: "gold",
      entered: 0,
      exited: 2,
      members: 1,
    });
    expect(await history(site.id, site.key, "gold")).toEqual([
      "entered c-1",
      "entered c-2",
      "entered c-5",
      "exited c-1",
      "exited c-2",
    ]);
    expect(
      await countRows(
        "SELECT count(*) AS n FROM segment_memberships WHERE site_id = ? AND segment_id = 'gold' AND customer_id = 'c-5'",
        site.id,
      ),
    ).toBe(1);
  });

  it("matches boolean and number fields by their stored JSON values", async () => {
    const site = await siteWithFields("seg-card-types");
    await putCard(site.id, site.key, "V-1", {
      customer: "c-vip",
      fields: { loyalty_level: "silver", vip: true, points: 100 },
    });
    await putCard(site.id, site.key, "V-2", {
      customer: "c-not",
      fields: { loyalty_level: "silver", vip: false, points: 99.5 },
    });
    // A card without the field is not a member of either segment.
    await putCard(site.id, site.key, "V-3", {
      customer: "c-none",
      fields: { loyalty_level: "silver" },
    });
    await putSegment(site.id, site.key, "vip", {
      type: "discount_card_field",
      field: "vip",
      equals: true,
    });
    await putSegment(site.id, site.key, "hundred", {
      type: "discount_card_field",
      field: "points",
      equals: 100,
    });
    await recompute(site.id, site.key, "vip");
    await recompute(site.id, site.key, "hundred");
    expect(await history(site.id, site.key, "vip")).toEqual(["entered c-vip"]);
    expect(await history(site.id, site.key, "hundred")).toEqual(["entered c-vip"]);
  });

  it("refuses a field the site does not define and a value unfit for the field", async () => {
    const site = await siteWithFields("seg-card-bad");
    const bare = await createSite("seg-card-bare");
    const rule = (extra: Record<string, unknown>) => ({
      type: "discount_card_field",
      field: "loyalty_level",
      equals: "gold",
      ...extra,
    });
    const cases: [string, string, Record<string, unknown>, string][] = [
      [site.id, site.key, rule({ field: "shoe_size" }), "rule.field"],
      [site.id, site.key, rule({ field: undefined }), "rule.field"],
      [bare.id, bare.key, rule({}), "rule.field"],
      [site.id, site.key, rule({ equals: "platinum" }), "rule.equals"],
      [site.id, site.key, rule({ equals: undefined }), "rule.equals"],
      [site.id, site.key, rule({ equals: null }), "rule.equals"],
      [site.id, site.key, rule({ field: "vip", equals: "yes" }), "rule.equals"],
      [site.id, site.key, rule({ field: "points", equals: "100" }), "rule.equals"],
      [site.id, site.key, rule({ days: 7 }), "rule.days"],
    ];
    for (const [siteId, key, body, field] of cases) {
      const response = await putSegment(siteId, key, "bad", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = ((await response.json()) as ErrorBody).error;
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message.startsWith(`${field} `)).toBe(true);
    }
    const known = await putSegment(site.id, site.key, "bad", rule({ field: "shoe" }));
    expect(((await known.json()) as ErrorBody).error.message).toContain(
      "loyalty_level, vip, points",
    );
    expect(
      await countRows(
        "SELECT count(*) AS n FROM segments WHERE site_id IN (?, ?)",
        site.id,
        bare.id,
      ),
    ).toBe(0);
  });
});
