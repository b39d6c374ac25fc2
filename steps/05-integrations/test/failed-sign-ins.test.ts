import { describe, expect, it } from "vitest";
import { createBackoff } from "../server/backoff";
import { createSignInGuard } from "../server/failed-sign-ins";
import {
  FAILED_SIGN_IN_BACKOFF,
  FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS,
  FAILED_SIGN_INS_PER_ADDRESS,
} from "../server/limits";
import { createWindowCounter } from "../server/window-counter";

describe("createWindowCounter", () => {
  it("blocks a key after `max` events until the window from its first event has passed", () => {
    let now = 0;
    const counter = createWindowCounter({ max: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(counter.retryAfterMs("a")).toBe(0);
      counter.record("a");
      now += 100;
    }
    expect(counter.retryAfterMs("a")).toBe(700);
    expect(counter.retryAfterMs("b")).toBe(0);

    now = 999;
    expect(counter.retryAfterMs("a")).toBe(1);
    now = 1000;
    expect(counter.retryAfterMs("a")).toBe(0);
    counter.record("a"); // a new window: one event so far
    expect(counter.retryAfterMs("a")).toBe(0);
  });

  it("forgets expired keys as it goes, at any size, and only those", () => {
    let now = 0;
    const counter = createWindowCounter({ max: 1, windowMs: 10 }, () => now);
    for (let i = 0; i < 50_000; i++) counter.record(`early ${i}`);
    now = 5;
    for (let i = 0; i < 3; i++) counter.record(`late ${i}`);
    expect(counter.size).toBe(50_003);

    now = 10; // the early windows have closed, the late ones have not
    expect(counter.retryAfterMs("early 0")).toBe(0);
    expect(counter.size).toBe(3);
    expect(counter.retryAfterMs("late 2")).toBe(5);
  });

  it("keeps a key's place while it counts within its window, so the oldest windows stay in front", () => {
    let now = 0;
    const counter = createWindowCounter({ max: 2, windowMs: 10 }, () => now);
    counter.record("first");
    now = 4;
    counter.record("second");
    counter.record("first"); // still the window opened at 0
    now = 10;
    counter.record("third");
    expect(counter.size).toBe(2); // "first" expired and went; "second" lives until 14
    expect(counter.retryAfterMs("first")).toBe(0);
  });
});

describe("createBackoff", () => {
  const policy = { freeFailures: 2, firstDelayMs: 1000, maxDelayMs: 4000, forgetAfterMs: 60_000 };

  it("lets the free failures through, then doubles the wait after each failure up to the maximum", () => {
    let now = 0;
    const backoff = createBackoff(policy, () => now);
    const waits = [];
    for (let i = 0; i < 6; i++) {
      backoff.recordFailure("ada");
      waits.push(backoff.retryAfterMs("ada"));
      now += waits.at(-1)!;
    }
    expect(waits).toEqual([0, 1000, 2000, 4000, 4000, 4000]);
    expect(backoff.retryAfterMs("grace")).toBe(0);
  });

  it("starts again after a success (forget) or a long enough quiet", () => {
    let now = 0;
    const backoff = createBackoff(policy, () => now);
    for (let i = 0; i < 3; i++) backoff.recordFailure("ada");
    backoff.forget("ada");
    expect(backoff.retryAfterMs("ada")).toBe(0);

    for (let i = 0; i < 3; i++) backoff.recordFailure("grace");
    now = policy.forgetAfterMs;
    expect(backoff.retryAfterMs("grace")).toBe(0);
    expect(backoff.size).toBe(0);
  });
});

describe("createSignInGuard, with the server's limits", () => {
  const limits = {
    perAccountAndAddress: FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS,
    perAddress: FAILED_SIGN_INS_PER_ADDRESS,
    perAccount: FAILED_SIGN_IN_BACKOFF,
  };
  const workshop = "203.0.113.7";

  it("locks one attendee's account after their typos, not the others' behind the same address", () => {
    let now = 0;
    const guard = createSignInGuard(limits, () => now);
    for (let i = 0; i < FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS.max; i++) {
      now += guard.retryAfterMs("ada@example.test", workshop); // a person waits out the backoff
      guard.recordFailure("ada@example.test", workshop);
    }
    now += FAILED_SIGN_IN_BACKOFF.maxDelayMs;
    expect(guard.retryAfterMs("ada@example.test", workshop)).toBeGreaterThan(0);
    expect(guard.retryAfterMs("grace@example.test", workshop)).toBe(0);
    expect(guard.retryAfterMs("ada@example.test", "198.51.100.1")).toBe(0); // from home, once the backoff has passed
  });

  it("stops somebody trying many accounts from one address at the per-address ceiling", () => {
    const guard = createSignInGuard(limits, () => 0);
    for (let i = 0; i < FAILED_SIGN_INS_PER_ADDRESS.max; i++) {
      expect(guard.retryAfterMs(`victim-${i}@example.test`, workshop)).toBe(0);
      guard.recordFailure(`victim-${i}@example.test`, workshop);
    }
    expect(guard.retryAfterMs("another@example.test", workshop)).toBe(FAILED_SIGN_INS_PER_ADDRESS.windowMs);
    expect(guard.retryAfterMs("another@example.test", "198.51.100.1")).toBe(0);
  });

  it("slows guesses at one account from many addresses, and clears that on the owner's success", () => {
    let now = 0;
    const guard = createSignInGuard(limits, () => now);
    for (let i = 0; i < FAILED_SIGN_IN_BACKOFF.freeFailures; i++)
      guard.recordFailure("ada@example.test", `198.51.100.${i}`);
    expect(guard.retryAfterMs("ada@example.test", "192.0.2.1")).toBe(FAILED_SIGN_IN_BACKOFF.firstDelayMs);
    now += FAILED_SIGN_IN_BACKOFF.firstDelayMs;
    guard.recordSuccess("ada@example.test", "192.0.2.1");
    guard.recordFailure("ada@example.test", "192.0.2.1");
    expect(guard.retryAfterMs("ada@example.test", "192.0.2.1")).toBe(0);
  });
});
