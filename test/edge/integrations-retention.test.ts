import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { purgeOldRecords } from "../../edge/integrations/retention";
import { createIntegration, order, postWithKey } from "./integrations-support";
import { DAY, runCron } from "./segments-support";
import { countRows, createSite } from "./support";

/** `count` call records of one integration, `daysAgo` days old. */
async function addRecords(
  siteId: string,
  integration: string,
  count: number,
  daysAgo: number,
) {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?4)
     INSERT INTO integration_log (site_id, integration_id, at, request_id, method, path,
       operations, status, duration_ms, payload)
     SELECT ?1, ?2, ?3 - i, 'req-' || i, 'POST', '/operations', '["Order"]', 202, 3, '{}'
     FROM n`,
  )
    .bind(siteId, integration, Date.now() - daysAgo * DAY, count)
    .run();
}

const recordsOf = (siteId: string) =>
  countRows("SELECT count(*) AS n FROM integration_log WHERE site_id = ?", siteId);

describe("retention of integration call records", () => {
  afterEach(() => vi.restoreAllMocks());

  it("removes records and rejection counts older than 30 days when the cron runs", async () => {
    const site = await createSite("ret-records");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["Order"],
    });
    await postWithKey(site.id, key, [order()]);
    await addRecords(site.id, integration.id, 12_000, 31);
    await addRecords(site.id, integration.id, 50, 29);
    const minute = Math.floor((Date.now() - 31 * DAY) / 60_000) * 60_000;
    await env.DB.batch(
      [minute, minute + 2 * DAY].map((at) =>
        env.DB.prepare(
          "INSERT INTO limiter_rejections (site_id, operation, minute, rejected) VALUES (?, 'Order', ?, 5)",
        ).bind(site.id, at),
      ),
    );

    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runCron();
    expect(await recordsOf(site.id)).toBe(51);
    expect(
      await countRows(
        "SELECT count(*) AS n FROM limiter_rejections WHERE site_id = ?",
        site.id,
      ),
    ).toBe(1);
    const line = log.mock.calls
      .map(([text]) => JSON.parse(String(text)) as Record<string, unknown>)
      .find((entry) => entry.message === "integration records deleted");
    expect(line).toMatchObject({ records: 12_000, rejectionMinutes: 1, complete: true });

    await runCron();
    expect(await recordsOf(site.id)).toBe(51);
  });

  it("deletes in bounded chunks and finishes over later runs", async () => {
    const site = await createSite("ret-records-chunks");
    await addRecords(site.id, "int_000000000000", 7_000, 40);
    const first = await purgeOldRecords(env.DB, Date.now(), {
      chunkRows: 3000,
      maxChunks: 2,
    });
    expect(first).toMatchObject({ records: 6000, complete: false });
    const second = await purgeOldRecords(env.DB, Date.now(), {
      chunkRows: 3000,
      maxChunks: 2,
    });
    expect(second).toMatchObject({ records: 1000, complete: true });
    expect(await recordsOf(site.id)).toBe(0);
  });
});
