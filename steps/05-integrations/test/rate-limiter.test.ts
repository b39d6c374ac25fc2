import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../server/rate-limiter";

describe("createRateLimiter", () => {
  it("allows a burst, then refills at the sustained rate", () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 2 }, () => now);
    expect([limiter.tryTake(), limiter.tryTake(), limiter.tryTake(), limiter.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);

    now += 499; // not yet a whole token
    expect(limiter.tryTake()).toBe(false);
    now += 1;
    expect(limiter.tryTake()).toBe(true);
    expect(limiter.tryTake()).toBe(false);
  });

  it("never stores more than the burst, however long it was idle", () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 10 }, () => now);
    now += 60_000;
    const taken = Array.from({ length: 5 }, () => limiter.tryTake()).filter(Boolean).length;
    expect(taken).toBe(2);
  });
});
