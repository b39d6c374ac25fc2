export interface WindowLimit {
  /** Events allowed within the window. */
  max: number;
  /** Counted from a key's first event; when it has passed, the count starts again. */
  windowMs: number;
}

export interface WindowCounter {
  /** Milliseconds until `key` is under the limit again, or 0 when it is under it now. */
  retryAfterMs(key: string): number;
  record(key: string): void;
  forget(key: string): void;
  /** Keys whose window is still open (or not yet found to be closed). */
  readonly size: number;
}

/**
 * Counts events per key (a client address, an account) in fixed windows. Keys are kept in the order their windows
 * opened, so the expired ones are always at the front: each call forgets those and stops at the first live one.
 * Every key is forgotten once, so the work per call stays constant however many keys a flood has stored.
 */
export function createWindowCounter({ max, windowMs }: WindowLimit, now: () => number = Date.now): WindowCounter {
  const windows = new Map<string, { count: number; since: number }>();
  const forgetExpired = (time: number) => {
    for (const [key, window] of windows) {
      if (time - window.since < windowMs) return;
      windows.delete(key);
    }
  };

  return {
    retryAfterMs(key) {
      const time = now();
      forgetExpired(time);
      const window = windows.get(key);
      return window && window.count >= max ? window.since + windowMs - time : 0;
    },
    record(key) {
      const time = now();
      forgetExpired(time);
      const window = windows.get(key);
      if (window) window.count += 1;
      else windows.set(key, { count: 1, since: time });
    },
    forget(key) {
      windows.delete(key);
    },
    get size() {
      return windows.size;
    },
  };
}
