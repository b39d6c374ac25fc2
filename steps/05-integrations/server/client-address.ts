import { getIP } from "better-auth/api";

export interface RequestContext {
  request?: Request;
  context: { options: Parameters<typeof getIP>[1] };
}

/**
 * The address a request to the auth endpoints came from, as better-auth finds it: the last X-Forwarded-For entry
 * that is not a trusted proxy (server/auth-routes.ts puts the connection's own address last). When every entry is a
 * trusted proxy, the first of them.
 */
export function clientAddress(ctx: RequestContext): string {
  if (!ctx.request) return "unknown";
  const forwarded = ctx.request.headers.get("x-forwarded-for") ?? "";
  return getIP(ctx.request, ctx.context.options) ?? (forwarded.split(",")[0].trim() || "unknown");
}

/** "8 seconds", "1 minute", "15 minutes": a wait in words, rounded up. */
export function describeWait(ms: number): string {
  const [amount, unit] = ms < 60_000 ? [Math.ceil(ms / 1000), "second"] : [Math.ceil(ms / 60_000), "minute"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
