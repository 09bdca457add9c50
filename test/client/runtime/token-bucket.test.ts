import { describe, expect, it } from "vitest";
import { BURST, refill, tokenWait } from "../../../client/runtime/token-bucket";

describe("the token bucket", () => {
  it("starts full, spends, and earns one token a second up to a burst", () => {
    const bucket = { tokens: BURST, counted: 0 };

    expect(refill(bucket, 1_000_000)).toBe(BURST);
    bucket.tokens -= BURST;
    expect(refill(bucket, 1_000_500)).toBe(0);
    expect(tokenWait(bucket, 1)).toBe(500);
    expect(tokenWait(bucket, 100)).toBe(29_500);
    expect(refill(bucket, 1_010_000)).toBe(10);
    expect(refill(bucket, 9_000_000)).toBe(BURST);
  });

  it("earns nothing when the clock goes back", () => {
    const bucket = { tokens: 3, counted: 5_000 };

    expect(refill(bucket, 1_000)).toBe(3);
    expect(refill(bucket, 2_000)).toBe(4);
  });
});
