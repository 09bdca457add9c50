import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_BYTES } from "../../edge/integrations/mask";
import {
  callAndSettle,
  createIntegration,
  order,
  postWithKey,
  view,
} from "./integrations-support";
import { admin, countRows, createSite } from "./support";

interface RecordView {
  integration: string;
  at: number;
  requestId: string;
  operations: string[];
  status: number;
  durationMs: number;
  error: { code: string; message: string } | null;
  payload: string;
  payloadTruncated: boolean;
  headers: Record<string, string>;
}

async function records(siteId: string, key: string, query = "") {
  const response = await admin(siteId, key, `/integrations/monitoring/records${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { total: number; records: RecordView[] };
}

describe("integration monitoring", () => {
  it("records every call of an integration, with its request id, and none anonymous", async () => {
    const site = await createSite("mon-basic");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["Order", "ViewProduct"],
    });
    const response = await postWithKey(site.id, key, [order(), view()]);
    expect(response.status).toBe(202);
    await postWithKey(site.id, null, [view()]);

    const { total, records: found } = await records(site.id, site.key);
    expect(total).toBe(1);
    expect(found[0]).toMatchObject({
      integration: integration.id,
      requestId: response.headers.get("X-Request-Id"),
      operations: ["Order", "ViewProduct"],
      status: 202,
      error: null,
      payloadTruncated: false,
      headers: { authorization: "Bearer ***", "content-type": "application/json" },
    });
    expect(found[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(found[0]?.payload).not.toContain(key);
  });

  it("masks secret-named fields anywhere in the payload, and the key", async () => {
    const site = await createSite("mon-mask");
    const { key } = await createIntegration(site.id, site.key, { operations: ["Order"] });
    const body = {
      actions: [order()],
      apiKey: "k-123456",
      auth: { accessToken: "t-abcdef", nested: [{ password: "p-999999" }] },
      client_secret: "s-777777",
      credentials: "c-555555",
      data: { accessToken: "t-222222" },
      note: "kept",
    };
    await callAndSettle(`/v1/sites/${site.id}/operations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

    const [found] = (await records(site.id, site.key)).records;
    expect(found?.status).toBe(400);
    const text = found?.payload ?? "";
    const secrets = [key, "k-123456", "t-abcdef", "p-999999", "s-777777", "c-555555"];
    for (const secret of [...secrets, "t-222222"]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text)).toMatchObject({
      apiKey: "***",
      auth: "***",
      client_secret: "***",
      credentials: "***",
      data: { accessToken: "***" },
      note: "kept",
    });
  });

  it("masks secrets in a body that is not JSON", async () => {
    const site = await createSite("mon-mask-text");
    const { key } = await createIntegration(site.id, site.key, { operations: ["Order"] });
    await callAndSettle(`/v1/sites/${site.id}/operations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/plain" },
      body: "token=abc123&user=ann&password: hunter2 {broken&x=password%3Dswordfish",
    });
    const [found] = (await records(site.id, site.key)).records;
    expect(found?.status).toBe(400);
    expect(found?.payload).toBe(
      "token=***&user=ann&password: *** {broken&x=password=***",
    );
  });

  it("cuts the payload to 4 KB, masking first", async () => {
    const site = await createSite("mon-cut");
    const { key } = await createIntegration(site.id, site.key, {
      operations: ["ViewProduct"],
    });
    // 40 valid actions make a body well over 4 KB; "é" checks that the cut
    // never splits a character.
    const actions = Array.from({ length: 40 }, (_, index) => ({
      ...view(`p-${index}`),
      data: { product: `p-${index}` },
      device: `dévice-${index}`.replace("é", "e"),
    }));
    const body = JSON.stringify({ actions, secretKey: "s-1", pad: "é".repeat(3000) });
    await callAndSettle(`/v1/sites/${site.id}/operations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body,
    });
    const [found] = (await records(site.id, site.key)).records;
    expect(found?.payloadTruncated).toBe(true);
    const bytes = new TextEncoder().encode(found?.payload ?? "").byteLength;
    expect(bytes).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(bytes).toBeGreaterThan(MAX_PAYLOAD_BYTES - 4);
    expect(found?.payload).not.toContain("\uFFFD");
    expect(found?.payload).not.toContain("s-1");
  });

  it("records refusals with their error, and filters by integration, operation, status and time", async () => {
    const site = await createSite("mon-filter");
    const a = await createIntegration(site.id, site.key, {
      name: "Orders",
      operations: ["Order"],
    });
    const b = await createIntegration(site.id, site.key, {
      name: "Views",
      operations: ["ViewProduct"],
    });
    const started = Date.now();
    expect((await postWithKey(site.id, a.key, [order()])).status).toBe(202);
    expect((await postWithKey(site.id, a.key, [view()])).status).toBe(403);
    expect((await postWithKey(site.id, b.key, [view()])).status).toBe(202);
    expect(
      (await postWithKey(site.id, b.key, [], "/operations/CalculateCart")).status,
    ).toBe(403);

    expect((await records(site.id, site.key)).total).toBe(4);
    const ofA = await records(site.id, site.key, `?integration=${a.integration.id}`);
    expect(ofA.records.map((each) => each.status).sort()).toEqual([202, 403]);
    const refused = await records(site.id, site.key, "?status=403");
    expect(refused.records.map((each) => each.error?.code)).toEqual([
      "operation_not_allowed",
      "operation_not_allowed",
    ]);
    expect(refused.records.map((each) => each.operations)).toEqual([
      ["CalculateCart"],
      ["ViewProduct"],
    ]);
    const views = await records(site.id, site.key, "?operation=ViewProduct&status=2xx");
    expect(views.records.map((each) => each.integration)).toEqual([b.integration.id]);
    expect((await records(site.id, site.key, "?status=error")).total).toBe(2);
    expect((await records(site.id, site.key, `?to=${started}`)).total).toBe(0);
    expect((await records(site.id, site.key, `?from=${started}`)).total).toBe(4);

    const badFilter = await admin(
      site.id,
      site.key,
      "/integrations/monitoring/records?status=7xx",
    );
    expect(badFilter.status).toBe(400);
  });

  it("records calls of a revoked integration's key as 401", async () => {
    const site = await createSite("mon-revoked");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["Order"],
    });
    await admin(site.id, site.key, `/integrations/${integration.id}/revoke`, {
      method: "POST",
    });
    await postWithKey(site.id, key, [order()]);
    const [found] = (await records(site.id, site.key)).records;
    expect(found).toMatchObject({
      status: 401,
      error: { code: "integration_revoked" },
      operations: ["Order"],
    });
  });

  it("gives each integration its error rate and health state", async () => {
    const site = await createSite("mon-health");
    const good = await createIntegration(site.id, site.key, {
      name: "Good",
      operations: ["Order"],
    });
    const bad = await createIntegration(site.id, site.key, {
      name: "Bad",
      operations: ["ViewProduct"],
    });
    await createIntegration(site.id, site.key, { name: "Quiet", operations: ["Order"] });
    for (let i = 0; i < 3; i++) await postWithKey(site.id, good.key, [order()]);
    await postWithKey(site.id, bad.key, [view()]);
    await postWithKey(site.id, bad.key, [order()]);

    const response = await admin(site.id, site.key, "/integrations/monitoring/health");
    const { integrations } = (await response.json()) as {
      integrations: {
        name: string;
        state: string;
        lastHour: { calls: number; errors: number; errorRate: number | null };
      }[];
    };
    const byName = Object.fromEntries(integrations.map((each) => [each.name, each]));
    expect(byName.Good).toMatchObject({
      state: "healthy",
      lastHour: { calls: 3, errors: 0, errorRate: 0 },
    });
    expect(byName.Bad).toMatchObject({
      state: "failing",
      lastHour: { calls: 2, errors: 1, errorRate: 0.5 },
    });
    expect(byName.Quiet?.state).toBe("idle");
  });

  it("shows the ceiling's rejections per minute from the limiter's table", async () => {
    const site = await createSite("mon-429");
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO limiter_rejections (site_id, operation, minute, rejected) VALUES (?, ?, ?, ?)",
      ).bind(site.id, "ViewProduct", minute - 60_000, 120),
      env.DB.prepare(
        "INSERT INTO limiter_rejections (site_id, operation, minute, rejected) VALUES (?, ?, ?, ?)",
      ).bind(site.id, "Order", minute - 120_000, 3),
      env.DB.prepare(
        "INSERT INTO limiter_rejections (site_id, operation, minute, rejected) VALUES (?, ?, ?, ?)",
      ).bind("mon-basic", "Order", minute - 60_000, 9),
    ]);
    const response = await admin(
      site.id,
      site.key,
      "/integrations/monitoring/rejections",
    );
    const { minutes } = (await response.json()) as {
      minutes: { minute: number; operation: string; rejected: number }[];
    };
    expect(minutes).toEqual([
      { minute: minute - 60_000, operation: "ViewProduct", rejected: 120 },
      { minute: minute - 120_000, operation: "Order", rejected: 3 },
    ]);
    expect(
      await countRows(
        "SELECT count(*) AS n FROM limiter_rejections WHERE site_id = ?",
        site.id,
      ),
    ).toBe(2);
  });
});
