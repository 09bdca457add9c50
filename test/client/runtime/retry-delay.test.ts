import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BASE_BACKOFF,
  backoff,
  ceilingWait,
  MAX_BACKOFF,
} from "../../../client/runtime/retry-delay";

describe("backoff", () => {
  afterEach(() => vi.restoreAllMocks());

  it("draws each delay between 0 and a cap that doubles, up to a minute", () => {
    const caps = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((fails) => {
      vi.spyOn(Math, "random").mockReturnValue(0.999_999);
      const highest = backoff(fails);
      vi.spyOn(Math, "random").mockReturnValue(0);
      expect(backoff(fails)).toBe(0);
      return Math.round(highest);
    });

    expect(caps).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * BASE_BACKOFF));
    expect(Math.max(...caps)).toBe(MAX_BACKOFF);
  });

  it("spreads delays evenly (full jitter)", () => {
    const draws = Array.from({ length: 2_000 }, () => backoff(4) / 8_000);

    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, one) => sum + one, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });
});

describe("a ceiling's wait", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is never less than the rest of the minute by the client's clock", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const at = (seconds: number) => Date.UTC(2026, 2, 2, 10, 0, seconds);

    expect(ceilingWait(1_000, at(0))).toBe(60_000);
    expect(ceilingWait(1_000, at(59))).toBe(1_000);
    expect(ceilingWait(30_000, at(45))).toBe(30_000);
    expect(ceilingWait(0, at(45))).toBe(15_000);
  });
});
