import type { DELIVERY_POLICY } from "../limits";
import type { DeliveryReport } from "./integration-store";

/** How one attempt went. "retry": 429, 408, 5xx, no answer; "refused": any other 4xx; "gone": 410. */
export type Outcome =
  | { kind: "delivered" }
  | { kind: "retry"; error: string; afterMs?: number }
  | { kind: "refused"; error: string }
  | { kind: "gone"; error: string };

const TOO_SLOW = "The endpoint is too slow: the oldest waiting message was dropped.";

export interface DeliveryQueue<T> {
  push(item: T): void;
  /** Drops what waits, aborts the attempt under way and accepts nothing more. */
  stop(): void;
}

/**
 * One integration's deliveries: one attempt at a time, in order, with a bounded number waiting behind it, so a
 * hanging or failing endpoint costs at most `maxQueued` messages of memory and one connection. `send` must not throw.
 */
export function createDeliveryQueue<T>(
  send: (item: T, signal: AbortSignal) => Promise<Outcome>,
  policy: typeof DELIVERY_POLICY,
  onReport: (report: DeliveryReport) => void,
  { now = Date.now, random = Math.random } = {},
): DeliveryQueue<T> {
  const waiting: T[] = [];
  const stopper = new AbortController();
  let running = false;
  let refusalsInARow = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopper.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopper.signal.addEventListener("abort", done);
    });

  /** Exponential, with "equal jitter": half the delay fixed, half random, so failing senders do not retry in step. */
  function backoff(attempt: number) {
    const delay = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** (attempt - 1));
    return delay / 2 + (random() * delay) / 2;
  }

  async function deliver(item: T) {
    for (let attempt = 1; ; attempt++) {
      const outcome = await send(item, stopper.signal);
      if (stopper.signal.aborted) return;
      if (outcome.kind === "delivered") {
        refusalsInARow = 0;
        return onReport({ at: now(), ok: true });
      }
      const refused = outcome.kind === "refused" && ++refusalsInARow >= policy.rejectionsToDisable;
      const disable = outcome.kind === "gone" || refused;
      const lastTry = outcome.kind !== "retry" || attempt >= policy.maxAttempts;
      const dropped = disable ? 1 + waiting.length : lastTry ? 1 : 0;
      onReport({ at: now(), ok: false, error: outcome.error, dropped, disable });
      if (disable) return stop();
      if (lastTry) return;
      const { afterMs } = outcome as { afterMs?: number };
      await sleep(afterMs === undefined ? backoff(attempt) : Math.min(afterMs, policy.maxRetryAfterMs));
    }
  }

  async function drain() {
    running = true;
    for (let item = waiting.shift(); item !== undefined && !stopper.signal.aborted; item = waiting.shift()) {
      await deliver(item);
    }
    running = false;
  }

  function stop() {
    waiting.length = 0;
    stopper.abort();
  }

  return {
    push(item) {
      if (stopper.signal.aborted) return;
      if (waiting.length >= policy.maxQueued) {
        waiting.shift();
        onReport({ at: now(), ok: false, error: TOO_SLOW, dropped: 1, disable: false });
      }
      waiting.push(item);
      if (!running) void drain();
    },
    stop,
  };
}
