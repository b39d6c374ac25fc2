import { NextResponse, type NextRequest } from "next/server";

/**
 * Every page's Content-Security-Policy, with a fresh nonce per request: the browser runs only the scripts Next
 * marked with it (and what they load), never a script or event handler that found its way into the page. Next
 * reads the nonce from the request's header and puts it on its own scripts; a nonce makes every page dynamic.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  // In development React rebuilds server error stacks with eval, and the dev overlay styles itself inline.
  const dev = process.env.NODE_ENV !== "production";
  // The address the browser used (Host), which the socket connects back to; anything odd in it is left out.
  const host = /^[\w.:[\]-]+$/.exec(request.headers.get("host") ?? "")?.[0] ?? request.nextUrl.host;
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // The chat's socket (and the dev server's hot reload): older browsers do not count ws: as 'self'.
    `connect-src 'self' ws://${host} wss://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Pages only, not the static files.
export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
