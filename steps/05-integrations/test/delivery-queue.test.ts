import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDeliveryQueue, type Outcome } from "../server/integrations/delivery-queue";
import type { DeliveryReport } from "../server/integrations/integration-store";
import { outcomeOf, retryAfterMs } from "../server/integrations/outgoing";
import { DELIVERY_POLICY } from "../server/limits";

const POLICY = { ...DELIVERY_POLICY, maxQueued: 3, maxAttempts: 4, firstRetryMs: 1000, maxRetryMs: 4000 };

/** A queue whose `send` answers from a script, records each attempt with its time, and keeps every report. */
function scripted(answers: (item: string, attempt: number) => Outcome | Promise<Outcome>, random = () => 1) {
  const attempts: { item: string; at: number }[] = [];
  const reports: DeliveryReport[] = [];
  const queue = createDeliveryQueue(
    (item: string) => {
      attempts.push({ item, at: Date.now() });
      return Promise.resolve(answers(item, attempts.filter((attempt) => attempt.item === item).length));
    },
    POLICY,
    (report) => reports.push(report),
    { random },
  );
  return { queue, attempts, reports };
}

const fail = (error = "HTTP 500"): Outcome => ({ kind: "retry", error });

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the delivery queue", () => {
  it("delivers in order, one at a time, and reports each success", async () => {
    const { queue, attempts, reports } = scripted(() => ({ kind: "delivered" }));
    queue.push("a");
    queue.push("b");
    await vi.runAllTimersAsync();
    expect(attempts.map((attempt) => attempt.item)).toEqual(["a", "b"]);
    expect(reports).toEqual([
      { at: 0, ok: true },
      { at: 0, ok: true },
    ]);
  });

  it("retries a 5xx with exponential backoff, capped, until it gets through", async () => {
    const { queue, attempts, reports } = scripted((_, attempt) => (attempt < 4 ? fail() : { kind: "delivered" }));
    queue.push("a");
    await vi.runAllTimersAsync();
    // random() = 1: the whole delay, 1 s, 2 s, 4 s (the cap).
    expect(attempts.map((attempt) => attempt.at)).toEqual([0, 1000, 3000, 7000]);
    expect(reports.at(-1)).toEqual({ at: 7000, ok: true });
    expect(reports.filter((report) => !report.ok)).toHaveLength(3);
  });

  it("jitters each delay between half and all of it", async () => {
    const low = scripted(
      (_, attempt) => (attempt < 3 ? fail() : { kind: "delivered" }),
      () => 0,
    );
    low.queue.push("a");
    await vi.runAllTimersAsync();
    expect(low.attempts.map((attempt) => attempt.at)).toEqual([0, 500, 1500]);
  });

  it("gives a message up after maxAttempts, counts it dropped, and goes on with the next", async () => {
    const { queue, attempts, reports } = scripted((item) => (item === "a" ? fail("no answer") : { kind: "delivered" }));
    queue.push("a");
    queue.push("b");
    await vi.runAllTimersAsync();
    expect(attempts.filter((attempt) => attempt.item === "a")).toHaveLength(POLICY.maxAttempts);
    const dropped = reports.filter((report) => !report.ok && report.dropped > 0);
    expect(dropped).toEqual([{ at: 7000, ok: false, error: "no answer", dropped: 1, disable: false }]);
    expect(attempts.at(-1)?.item).toBe("b");
    expect(reports.at(-1)).toEqual({ at: 7000, ok: true });
  });

  it("waits as long as a 429's Retry-After says, up to its cap", async () => {
    const { queue, attempts } = scripted((_, attempt) =>
      attempt === 1
        ? { kind: "retry", error: "HTTP 429", afterMs: 2500 }
        : attempt === 2
          ? { kind: "retry", error: "HTTP 429", afterMs: 10 * POLICY.maxRetryAfterMs }
          : { kind: "delivered" },
    );
    queue.push("a");
    await vi.runAllTimersAsync();
    expect(attempts.map((attempt) => attempt.at)).toEqual([0, 2500, 2500 + POLICY.maxRetryAfterMs]);
  });

  it("disables on 410 Gone: no retry, everything waiting dropped, nothing more accepted", async () => {
    const { queue, attempts, reports } = scripted(() => ({ kind: "gone", error: "HTTP 410 Gone" }));
    queue.push("a");
    queue.push("b");
    queue.push("c");
    await vi.runAllTimersAsync();
    queue.push("d");
    await vi.runAllTimersAsync();
    expect(attempts.map((attempt) => attempt.item)).toEqual(["a"]);
    expect(reports).toEqual([{ at: 0, ok: false, error: "HTTP 410 Gone", dropped: 3, disable: true }]);
  });

  it("drops a refused message without retrying, and disables after refusals in a row", async () => {
    const { queue, attempts, reports } = scripted(() => ({ kind: "refused", error: "HTTP 404" }));
    for (const item of ["a", "b", "c"]) queue.push(item);
    await vi.runAllTimersAsync();
    expect(attempts.map((attempt) => attempt.item)).toEqual(["a", "b", "c"]);
    expect(reports.map((report) => !report.ok && [report.dropped, report.disable])).toEqual([
      [1, false],
      [1, false],
      [1, true],
    ]);
  });

  it("starts counting refusals again after a success", async () => {
    const { queue, reports } = scripted((item) =>
      item === "ok" ? { kind: "delivered" } : { kind: "refused", error: "HTTP 400" },
    );
    for (const item of ["x", "x", "ok", "x", "x"]) queue.push(item);
    await vi.runAllTimersAsync();
    expect(reports.some((report) => !report.ok && report.disable)).toBe(false);
  });

  it("keeps at most maxQueued messages waiting behind a hanging endpoint: the oldest go, counted", async () => {
    const hanging = new Promise<Outcome>(() => {});
    const { queue, attempts, reports } = scripted(() => hanging);
    for (const item of ["a", "b", "c", "d", "e", "f"]) queue.push(item);
    await vi.runAllTimersAsync();
    // "a" is in flight; b, c, d, e, f arrived for 3 places: b and c were pushed out.
    expect(attempts.map((attempt) => attempt.item)).toEqual(["a"]);
    expect(reports.map((report) => !report.ok && report.dropped)).toEqual([1, 1]);
  });

  it("stops: aborts the attempt under way, drops what waits, sends nothing more", async () => {
    let signal: AbortSignal | undefined;
    const sent: string[] = [];
    const queue = createDeliveryQueue(
      (item: string, abort) => {
        sent.push(item);
        signal = abort;
        return new Promise<Outcome>((resolve) => abort.addEventListener("abort", () => resolve(fail("aborted"))));
      },
      POLICY,
      () => {},
    );
    queue.push("a");
    queue.push("b");
    queue.stop();
    queue.push("c");
    await vi.runAllTimersAsync();
    expect(signal?.aborted).toBe(true);
    expect(sent).toEqual(["a"]);
  });
});

describe("answers and Retry-After", () => {
  it("classifies statuses: 2xx delivered, 410 gone, 429/408/5xx retried, other 4xx and 3xx refused", () => {
    const kind = (status: number) => outcomeOf({ status, retryAfter: undefined }).kind;
    expect([200, 204, 299].map(kind)).toEqual(["delivered", "delivered", "delivered"]);
    expect(kind(410)).toBe("gone");
    expect([429, 408, 500, 502, 503].map(kind)).toEqual(["retry", "retry", "retry", "retry", "retry"]);
    expect([301, 302, 400, 401, 403, 404, 413].map(kind)).toEqual(Array(7).fill("refused"));
  });

  it("reads Retry-After in seconds or as a date", () => {
    expect(outcomeOf({ status: 429, retryAfter: "3" })).toMatchObject({ kind: "retry", afterMs: 3000 });
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:01 GMT", 4000)).toBe(0);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
