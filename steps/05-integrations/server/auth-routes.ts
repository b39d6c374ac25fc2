import type { IncomingMessage, ServerResponse } from "node:http";
import { toNodeHandler } from "better-auth/node";
import type { Auth } from "./auth";
import { createConcurrencyGate, type ConcurrencyLimit } from "./concurrency-gate";
import { MAX_AUTH_BODY_BYTES, PASSWORD_HASHING_LIMIT } from "./limits";
import { refusalLog } from "./refusal-log";

/** better-auth's endpoints: POST /api/auth/sign-up/email, /api/auth/sign-in/email, /api/auth/sign-out, … */
export const AUTH_PATH_PREFIX = "/api/auth/";

/** The endpoints that hash a password (scrypt), the costliest work the server does. */
const PASSWORD_HASHING_ENDPOINTS = new Set(["sign-in/email", "sign-up/email", "change-password"]);

export type AuthRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers the requests under /api/auth/ and returns true; returns false for every other request. The custom server
 * answers them itself rather than a Next route handler, so the one auth instance that signs people out is the one
 * whose chat server holds their sockets.
 */
export function createAuthRoutes(auth: Auth, hashingLimit: ConcurrencyLimit = PASSWORD_HASHING_LIMIT): AuthRoutes {
  const handler = toNodeHandler(auth);
  const behindProxy = (auth.options.advanced?.ipAddress?.trustedProxies?.length ?? 0) > 0;
  const hashing = createConcurrencyGate(hashingLimit);
  const handle = (req: IncomingMessage, res: ServerResponse) =>
    handler(req, res).catch((error: unknown) => {
      console.error("[auth] request failed", error);
      if (res.headersSent) res.end();
      else refuse(res, 500, "SERVER_ERROR", "The server could not handle that request.");
    });

  return (req, res) => {
    if (!req.url?.startsWith(AUTH_PATH_PREFIX)) return false;
    // better-auth would read a body of any size; a body must declare its length, and stay small.
    const declaredLength = req.headers["content-length"];
    if (req.headers["transfer-encoding"] && declaredLength === undefined) {
      return refuse(res, 411, "LENGTH_REQUIRED", "A request body must declare its length (Content-Length).");
    }
    if (Number(declaredLength ?? 0) > MAX_AUTH_BODY_BYTES) {
      return refuse(res, 413, "BODY_TOO_LARGE", `A request body can be at most ${MAX_AUTH_BODY_BYTES} bytes.`);
    }
    // better-auth limits requests per client address, which it reads from X-Forwarded-For. The connection's own
    // address goes last; better-auth believes the entries before it only when it is a trusted proxy's. Without
    // trusted proxies, whatever a client wrote there itself is dropped.
    const peer = req.socket.remoteAddress ?? "";
    const forwarded = behindProxy ? [req.headers["x-forwarded-for"] ?? []].flat().join(", ") : "";
    req.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;

    const endpoint = req.url.slice(AUTH_PATH_PREFIX.length).split("?")[0];
    if (!PASSWORD_HASHING_ENDPOINTS.has(endpoint)) {
      void handle(req, res);
      return true;
    }
    // A flood of sign-ins from many addresses would keep every core hashing and the chat waiting: past the limit,
    // refuse at once (the client retries after a second) rather than queue without end.
    const slot = hashing.enter();
    if (!slot) {
      refusalLog.record("[auth] password requests refused: server busy");
      return refuse(res, 503, "SERVER_BUSY", "The server is busy. Try again in a moment.", { "retry-after": "1" });
    }
    void slot.then((release) => handle(req, res).finally(release));
    return true;
  };
}

/** Answers with an error in better-auth's shape, `{ code, message }`, and closes the connection. */
function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): true {
  res.writeHead(status, { "content-type": "application/json", connection: "close", ...headers });
  res.end(JSON.stringify({ code, message }));
  return true;
}
