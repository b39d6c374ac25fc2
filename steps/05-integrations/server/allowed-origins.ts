// WebSocket handshakes are not covered by CORS: a page on any site may open a socket to this server, and the
// browser sends this site's cookies along. The Origin header says which page asked, so the server checks it.
import { ConfigurationError } from "./startup-errors";

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The app's own origin, its loopback twins when it runs on this machine (http://localhost:3000 and
 * http://127.0.0.1:3000 are the same server), and the extra origins listed in `extra` (comma separated).
 */
export function allowedOriginsFor(baseURL: string, extra = ""): string[] {
  const own = new URL(baseURL);
  const origins = new Set([own.origin]);
  if (LOOPBACK_HOSTS.includes(own.hostname)) {
    for (const host of LOOPBACK_HOSTS) origins.add(`${own.protocol}//${host}${own.port ? `:${own.port}` : ""}`);
  }
  for (const entry of extra
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean))
    origins.add(parseOrigin(entry));
  return [...origins];
}

function parseOrigin(entry: string): string {
  try {
    const url = new URL(entry);
    if (url.origin !== "null") return url.origin;
  } catch {
    // reported below
  }
  throw new ConfigurationError(`ALLOWED_ORIGINS: "${entry}" is not an origin such as https://chat.example.com`);
}

/**
 * A request without an Origin header comes from a same-origin page load or a program, never from a browser page on
 * another site: browsers always send Origin on cross-origin requests and WebSocket handshakes.
 */
export function isAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return origin === undefined || allowedOrigins.includes(origin);
}
