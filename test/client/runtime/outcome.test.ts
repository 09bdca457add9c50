import { afterEach, describe, expect, it, vi } from "vitest";
import { readOutcome } from "../../../client/runtime/outcome";
import { action } from "../queue-support";

const batch = [action("action-a"), action("action-b"), action("action-c")];
// 10:00:30 UTC: 30 s left in the minute.
const NOW = Date.UTC(2026, 2, 2, 10, 0, 30);

describe("reading the edge's answer", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lets a stored batch leave the queue", () => {
    const outcome = readOutcome(
      batch,
      202,
      { stored: 3, duplicates: 0, rejected: [] },
      0,
      NOW,
    );

    expect(outcome).toEqual({ keep: [], wait: 0 });
  });

  it("keeps exactly the actions a ceiling rejected, until the next minute", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const rejected = [
      { id: "action-b", operation: "ViewPage", ceiling: 2, retryAfter: 30 },
    ];

    const outcome = readOutcome(
      batch,
      202,
      { stored: 2, duplicates: 0, rejected },
      30_000,
      NOW,
    );

    expect(outcome).toEqual({ keep: ["action-b"], wait: 30_000 });
  });

  it("keeps everything on 429 and waits at least for the rest of the minute", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);

    expect(readOutcome(batch, 429, {}, 2_000, NOW).wait).toBe(30_000);
    expect(readOutcome(batch, 429, {}, 90_000, NOW).wait).toBe(90_000);
    expect(readOutcome(batch, 429, {}, 0, NOW).keep).toEqual([
      "action-a",
      "action-b",
      "action-c",
    ]);
  });

  it("adds up to five seconds of jitter to a ceiling's wait", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);

    const { wait = 0 } = readOutcome(batch, 429, {}, 2_000, NOW);
    expect(wait).toBeGreaterThan(34_000);
    expect(wait).toBeLessThan(35_000);
  });

  it.each([500, 502, 503, 408, 0])("keeps everything and backs off on %i", (status) => {
    expect(readOutcome(batch, status, undefined, 0, NOW)).toEqual({
      keep: ["action-a", "action-b", "action-c"],
      wait: 0,
      failed: true,
    });
  });

  it("drops the action a 400 names by index and keeps the rest", () => {
    const body = {
      error: { code: "invalid_action", message: "…", field: "actions.1.data.product" },
    };

    expect(readOutcome(batch, 400, body, 0, NOW)).toEqual({
      keep: ["action-a", "action-c"],
      dropped: [batch[1]],
      reason: "invalid_action",
    });
  });

  it("drops the whole batch on a 400 that names no action", () => {
    const body = { error: { code: "invalid_json", message: "…", field: "body" } };

    expect(readOutcome(batch, 400, body, 0, NOW)).toMatchObject({
      keep: [],
      dropped: batch,
      reason: "invalid_json",
    });
  });

  it("drops the whole batch on other refusals, naming the status without a code", () => {
    const forbidden = { error: { code: "origin_not_allowed", message: "…" } };

    expect(readOutcome(batch, 403, forbidden, 0, NOW).reason).toBe("origin_not_allowed");
    expect(readOutcome(batch, 404, "<html>", 0, NOW)).toMatchObject({
      dropped: batch,
      reason: "http_404",
    });
  });

  it("splits on 413, and drops an action that is too large alone", () => {
    expect(readOutcome(batch, 413, {}, 0, NOW)).toMatchObject({ split: true });
    expect(readOutcome(batch.slice(0, 1), 413, {}, 0, NOW)).toMatchObject({
      keep: [],
      dropped: batch.slice(0, 1),
      reason: "http_413",
    });
  });
});
