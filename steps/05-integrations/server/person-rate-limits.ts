import { createRateLimiter, type RateLimit, type RateLimiter } from "./rate-limiter";

export interface PersonRateLimits {
  /** The limiter `userId`'s connections share; `release` it when the connection closes. */
  acquire(userId: string): { limiter: RateLimiter; release: () => void };
}

/**
 * One token bucket per person, shared by all of their connections: a person with fifty tabs open sends no faster
 * than allowed for a person. A bucket is forgotten when its person's last connection closes.
 */
export function createPersonRateLimits(limit: RateLimit): PersonRateLimits {
  const people = new Map<string, { limiter: RateLimiter; connections: number }>();
  return {
    acquire(userId) {
      let entry = people.get(userId);
      if (!entry) {
        entry = { limiter: createRateLimiter(limit), connections: 0 };
        people.set(userId, entry);
      }
      entry.connections += 1;
      const held = entry;
      let released = false;
      return {
        limiter: held.limiter,
        release() {
          if (released) return;
          released = true;
          held.connections -= 1;
          if (held.connections === 0) people.delete(userId);
        },
      };
    },
  };
}
