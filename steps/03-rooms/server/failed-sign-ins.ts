import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";

export interface FailureLimit {
  /** Failures allowed within the window. */
  max: number;
  /** Counted from the first failure; when it has passed, the count starts again. */
  windowMs: number;
}

export interface FailureCounter {
  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number;
  recordFailure(key: string): void;
}

/** Past this many keys, expired ones are swept, so a flood of addresses cannot grow the map without bound. */
const SWEEP_ABOVE_KEYS = 10_000;

/** Counts failures per key (a client address) in fixed windows; successes are not counted and reset nothing. */
export function createFailureCounter({ max, windowMs }: FailureLimit, now: () => number = Date.now): FailureCounter {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (key: string) => {
    const entry = failures.get(key);
    return entry && now() - entry.since < windowMs ? entry : undefined;
  };

  return {
    retryAfterMs(key) {
      const entry = current(key);
      return entry && entry.count >= max ? entry.since + windowMs - now() : 0;
    },
    recordFailure(key) {
      const entry = current(key);
      if (entry) entry.count += 1;
      else failures.set(key, { count: 1, since: now() });
      if (failures.size > SWEEP_ABOVE_KEYS) {
        for (const [oldKey, old] of failures) if (now() - old.since >= windowMs) failures.delete(oldKey);
      }
    },
  };
}

/**
 * better-auth hooks that count failed email sign-ins (wrong email or password) per client address and, over the
 * limit, refuse every sign-in from that address until the window has passed. Password guessing gets `max` tries.
 */
export function limitFailedSignIns(limit: FailureLimit) {
  const failures = createFailureCounter(limit);
  const isSignIn = (ctx: { path?: string }) => ctx.path === "/sign-in/email";
  const clientAddress = (ctx: { request?: Request; context: { options: Parameters<typeof getIP>[1] } }) =>
    (ctx.request && getIP(ctx.request, ctx.context.options)) ?? "unknown";

  /* eslint-disable @typescript-eslint/require-await -- better-auth's middleware must return promises */
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (!isSignIn(ctx)) return;
      const retryAfterMs = failures.retryAfterMs(clientAddress(ctx));
      if (retryAfterMs === 0) return;
      const minutes = Math.ceil(retryAfterMs / 60_000);
      throw new APIError("TOO_MANY_REQUESTS", {
        code: "TOO_MANY_FAILED_SIGN_INS",
        message: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      });
    }),
    after: createAuthMiddleware(async (ctx) => {
      const returned: unknown = ctx.context.returned;
      if (isSignIn(ctx) && isAPIError(returned) && returned.statusCode === 401) failures.recordFailure(clientAddress(ctx));
    }),
  };
  /* eslint-enable @typescript-eslint/require-await */
}
