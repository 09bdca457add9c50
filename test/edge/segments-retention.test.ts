import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { purgeSegmentHistory } from "../../edge/segments/retention";
import { addHistory, DAY, putSegment, runCron } from "./segments-support";
import { admin, countRows, createSite } from "./support";

const rowsOf = (siteId: string, segment: string) =>
  countRows(
    "SELECT count(*) AS n FROM segment_history WHERE site_id = ? AND segment_id = ?",
    siteId,
    segment,
  );

async function settle(siteId: string, key: string, body: unknown) {
  const response = await admin(siteId, key, "/segments/retention", {
    method: "PUT",
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function preview(siteId: string, key: string, query = "") {
  const response = await admin(siteId, key, `/segments/retention/preview${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { rows: number }).rows;
}

/** The "segment history deleted" lines the handler logged for `siteId`. */
function deletionLogs(log: MockInstance<typeof console.log>, siteId: string) {
  return log.mock.calls
    .map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
    .filter(
      (entry) => entry.message === "segment history deleted" && entry.site === siteId,
    );
}

/** A site with two segments: "recent" and "loyal" (a loyalty level). */
async function siteWithSegments(id: string) {
  const site = await createSite(id);
  for (const segment of ["recent", "loyal"]) {
    const response = await putSegment(site.id, site.key, segment, {
      type: "bought_within_days",
      days: 7,
    });
    expect(response.status).toBe(201);
  }
  return site;
}

describe("auto-deletion of segment history", () => {
  afterEach(() => vi.restoreAllMocks());

  it("deletes nothing until a site chooses a number of days", async () => {
    const site = await siteWithSegments("ret-off");
    await addHistory(site.id, "recent", 10, 400);
    expect(await preview(site.id, site.key)).toBe(0);
    await runCron();
    expect(await rowsOf(site.id, "recent")).toBe(10);
  });

  it("previews how many rows the next run removes, for saved or draft settings", async () => {
    const site = await siteWithSegments("ret-preview");
    await addHistory(site.id, "recent", 40, 100);
    await addHistory(site.id, "loyal", 25, 100);
    await addHistory(site.id, "recent", 5, 1);
    await settle(site.id, site.key, { historyDays: 30, exceptions: ["loyal"] });

    expect(await preview(site.id, site.key)).toBe(40);
    expect(await preview(site.id, site.key, "?days=30&exceptions=")).toBe(65);
    expect(await preview(site.id, site.key, "?days=200&exceptions=loyal")).toBe(0);
    expect(await preview(site.id, site.key, "?days=")).toBe(0);
  });

  it("refuses an exception that is not a segment of the site, naming it", async () => {
    const site = await siteWithSegments("ret-unknown");
    const response = await admin(site.id, site.key, "/segments/retention", {
      method: "PUT",
      body: JSON.stringify({ historyDays: 30, exceptions: ["loyal", "lyoal"] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.field).toBe("exceptions.1");
    expect(body.error.message).toContain("lyoal");
    const days = await admin(site.id, site.key, "/segments/retention", {
      method: "PUT",
      body: JSON.stringify({ historyDays: 0 }),
    });
    expect(((await days.json()) as ErrorBody).error.field).toBe("historyDays");
    const saved = await admin(site.id, site.key, "/segments/retention");
    expect(await saved.json()).toEqual({ historyDays: null, exceptions: [] });
  });

  it("deletes 30,000 old rows in chunks, survives an interrupted run, and never touches the exceptions", async () => {
    const site = await siteWithSegments("ret-large");
    await addHistory(site.id, "recent", 30_000, 60);
    await addHistory(site.id, "loyal", 6_000, 60);
    await addHistory(site.id, "recent", 1_000, 2);
    await settle(site.id, site.key, { historyDays: 30, exceptions: ["loyal"] });
    expect(await preview(site.id, site.key)).toBe(30_000);

    // A run cut short after two chunks: what it removed stays removed,
    // the rest waits, nothing else is touched.
    const cut = await purgeSegmentHistory(env.DB, Date.now(), { maxChunks: 2 });
    expect(cut.complete).toBe(false);
    expect(cut.sites.find((each) => each.site === site.id)?.removed).toBe(10_000);
    expect(await rowsOf(site.id, "recent")).toBe(21_000);
    expect(await preview(site.id, site.key)).toBe(20_000);

    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runCron();
    const [line] = deletionLogs(log, site.id);
    expect(line).toMatchObject({
      level: "info",
      removed: 20_000,
      segments: { recent: 20_000 },
    });

    expect(await rowsOf(site.id, "recent")).toBe(1_000);
    expect(await rowsOf(site.id, "loyal")).toBe(6_000);
    expect(await preview(site.id, site.key)).toBe(0);

    // Twice is the same as once.
    log.mockClear();
    await runCron();
    expect(deletionLogs(log, site.id)).toEqual([
      expect.objectContaining({ removed: 0, segments: {} }),
    ]);
    expect(await rowsOf(site.id, "recent")).toBe(1_000);
    expect(await rowsOf(site.id, "loyal")).toBe(6_000);
  });

  it("spends at most its chunk budget per run and finishes over later runs", async () => {
    const site = await siteWithSegments("ret-budget");
    await addHistory(site.id, "recent", 12_000, 90);
    await settle(site.id, site.key, { historyDays: 30, exceptions: [] });
    const options = { chunkRows: 5000, maxChunks: 1 };
    const runs: number[] = [];
    for (let run = 0; run < 4; run++) {
      const report = await purgeSegmentHistory(env.DB, Date.now(), options);
      runs.push(report.sites.find((each) => each.site === site.id)?.removed ?? 0);
    }
    expect(runs).toEqual([5000, 5000, 2000, 0]);
  });

  it("uses the trigger's scheduled time as now", async () => {
    const site = await siteWithSegments("ret-time");
    await addHistory(site.id, "recent", 10, 20);
    await settle(site.id, site.key, { historyDays: 30 });
    await runCron(Date.now());
    expect(await rowsOf(site.id, "recent")).toBe(10);
    await runCron(Date.now() + 11 * DAY);
    expect(await rowsOf(site.id, "recent")).toBe(0);
  });
});
