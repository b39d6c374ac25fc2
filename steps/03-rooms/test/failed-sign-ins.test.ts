import { describe, expect, it } from "vitest";
import { createFailureCounter } from "../server/failed-sign-ins";

describe("createFailureCounter", () => {
  it("blocks a key after `max` failures until the window from its first failure has passed", () => {
    let now = 0;
    const counter = createFailureCounter({ max: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(counter.retryAfterMs("a")).toBe(0);
      counter.recordFailure("a");
      now += 100;
    }
    expect(counter.retryAfterMs("a")).toBe(700);
    expect(counter.retryAfterMs("b")).toBe(0);

    now = 999;
    expect(counter.retryAfterMs("a")).toBe(1);
    now = 1000;
    expect(counter.retryAfterMs("a")).toBe(0);
    counter.recordFailure("a"); // a new window: one failure so far
    expect(counter.retryAfterMs("a")).toBe(0);
  });

  it("forgets expired keys when many addresses have failed", () => {
    let now = 0;
    const counter = createFailureCounter({ max: 1, windowMs: 10 }, () => now);
    for (let i = 0; i < 10_001; i++) counter.recordFailure(`address ${i}`);
    expect(counter.retryAfterMs("address 0")).toBe(10);
    now = 10;
    counter.recordFailure("latecomer"); // sweeps
    expect(counter.retryAfterMs("address 0")).toBe(0);
    expect(counter.retryAfterMs("latecomer")).toBe(10);
  });
});
