export interface RateLimit {
  /** Requests allowed at once after a quiet period. */
  burst: number;
  /** Requests allowed per second, sustained. */
  perSecond: number;
}

export interface RateLimiter {
  /** Takes one request's worth; false when the caller is over the limit. */
  tryTake(): boolean;
}

/** A token bucket: it holds `burst` tokens and refills `perSecond` of them each second. */
export function createRateLimiter(
  { burst, perSecond }: RateLimit,
  now: () => number = () => performance.now(),
): RateLimiter {
  let tokens = burst;
  let last = now();
  return {
    tryTake() {
      const current = now();
      tokens = Math.min(burst, tokens + ((current - last) / 1000) * perSecond);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
