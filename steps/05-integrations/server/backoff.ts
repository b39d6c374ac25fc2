export interface BackoffPolicy {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts from zero again. */
  forgetAfterMs: number;
}

export interface Backoff {
  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number;
  recordFailure(key: string): void;
  /** Clears `key`, e.g. after a success. */
  forget(key: string): void;
  readonly size: number;
}

/**
 * An exponential backoff per key (an account): past the free failures, each attempt must wait longer after the last
 * failure. Keys are kept in the order of their last failure, so forgetting the stale ones costs constant work per
 * call (see server/window-counter.ts).
 */
export function createBackoff(policy: BackoffPolicy, now: () => number = Date.now): Backoff {
  const failures = new Map<string, { count: number; last: number }>();
  const forgetStale = (time: number) => {
    for (const [key, entry] of failures) {
      if (time - entry.last < policy.forgetAfterMs) return;
      failures.delete(key);
    }
  };
  const delayAfter = (count: number) =>
    count < policy.freeFailures
      ? 0
      : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (count - policy.freeFailures));

  return {
    retryAfterMs(key) {
      const time = now();
      forgetStale(time);
      const entry = failures.get(key);
      return entry ? Math.max(0, entry.last + delayAfter(entry.count) - time) : 0;
    },
    recordFailure(key) {
      const time = now();
      forgetStale(time);
      const count = (failures.get(key)?.count ?? 0) + 1;
      failures.delete(key); // re-inserted last: the map stays in the order of last failures
      failures.set(key, { count, last: time });
    },
    forget(key) {
      failures.delete(key);
    },
    get size() {
      return failures.size;
    },
  };
}
