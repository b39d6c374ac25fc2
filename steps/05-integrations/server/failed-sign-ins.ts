import { APIError, isAPIError } from "better-auth/api";
import { createBackoff, type BackoffPolicy } from "./backoff";
import { clientAddress, describeWait, type RequestContext } from "./client-address";
import { refusalLog } from "./refusal-log";
import { createWindowCounter, type WindowLimit } from "./window-counter";

export interface SignInLimits {
  perAccountAndAddress: WindowLimit;
  perAddress: WindowLimit;
  perAccount: BackoffPolicy;
}

export interface SignInGuard {
  /** Milliseconds before `account` may try to sign in from `address`, or 0 when it may try now. */
  retryAfterMs(account: string, address: string): number;
  recordFailure(account: string, address: string): void;
  recordSuccess(account: string, address: string): void;
}

/**
 * Failed sign-ins counted three ways (OWASP's authentication cheat sheet): per account and address, so one person's
 * typos lock only their own account and only from their address; per address with a higher ceiling, for somebody
 * trying many accounts; per account with a growing wait, for guesses at one account from many addresses. A success
 * clears its account's counts, never its address's: an attacker could otherwise clear them with an account of their own.
 */
export function createSignInGuard(limits: SignInLimits, now: () => number = Date.now): SignInGuard {
  const byAddress = createWindowCounter(limits.perAddress, now);
  const byAccountAndAddress = createWindowCounter(limits.perAccountAndAddress, now);
  const byAccount = createBackoff(limits.perAccount, now);
  const pair = (account: string, address: string) => JSON.stringify([account, address]);

  return {
    retryAfterMs(account, address) {
      return Math.max(
        byAddress.retryAfterMs(address),
        byAccountAndAddress.retryAfterMs(pair(account, address)),
        byAccount.retryAfterMs(account),
      );
    },
    recordFailure(account, address) {
      byAddress.record(address);
      byAccountAndAddress.record(pair(account, address));
      byAccount.recordFailure(account);
    },
    recordSuccess(account, address) {
      byAccountAndAddress.forget(pair(account, address));
      byAccount.forget(account);
    },
  };
}

interface SignInContext extends RequestContext {
  path?: string;
  body?: unknown;
}

/**
 * The sign-in guard as better-auth hook steps: `before` refuses a sign-in the limits do not allow yet (429 with
 * Retry-After), `after` counts how it went.
 */
export function limitFailedSignIns(limits: SignInLimits) {
  const guard = createSignInGuard(limits);
  const isSignIn = (ctx: SignInContext) => ctx.path === "/sign-in/email";
  const accountOf = (ctx: SignInContext) => {
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" ? email.trim().toLowerCase() : "";
  };

  return {
    before(ctx: SignInContext) {
      if (!isSignIn(ctx)) return;
      const retryAfterMs = guard.retryAfterMs(accountOf(ctx), clientAddress(ctx));
      if (retryAfterMs === 0) return;
      refusalLog.record("[auth] sign-ins refused after too many failures");
      throw new APIError(
        "TOO_MANY_REQUESTS",
        {
          code: "TOO_MANY_FAILED_SIGN_INS",
          message: `Too many failed attempts. Try again in ${describeWait(retryAfterMs)}.`,
        },
        { "retry-after": String(Math.ceil(retryAfterMs / 1000)) },
      );
    },
    after(ctx: SignInContext & { context: { returned?: unknown } }) {
      if (!isSignIn(ctx)) return;
      const returned = ctx.context.returned;
      if (isAPIError(returned)) {
        if (returned.statusCode !== 401) return;
        guard.recordFailure(accountOf(ctx), clientAddress(ctx));
        refusalLog.record("[auth] failed sign-ins");
      } else guard.recordSuccess(accountOf(ctx), clientAddress(ctx));
    },
  };
}
