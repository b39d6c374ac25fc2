import { APIError } from "better-auth/api";
import { clientAddress, describeWait, type RequestContext } from "./client-address";
import { refusalLog } from "./refusal-log";
import { createWindowCounter, type WindowLimit } from "./window-counter";

/** A better-auth hook step that allows `limit.max` sign-up attempts per client address per window (429 beyond). */
export function limitSignUps(limit: WindowLimit) {
  const signUps = createWindowCounter(limit);
  return (ctx: RequestContext & { path?: string }) => {
    if (ctx.path !== "/sign-up/email") return;
    const address = clientAddress(ctx);
    const retryAfterMs = signUps.retryAfterMs(address);
    if (retryAfterMs === 0) return signUps.record(address);
    refusalLog.record("[auth] sign-ups refused: too many from one address");
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "TOO_MANY_SIGN_UPS",
        message: `Too many accounts were created from your network. Try again in ${describeWait(retryAfterMs)}.`,
      },
      { "retry-after": String(Math.ceil(retryAfterMs / 1000)) },
    );
  };
}
