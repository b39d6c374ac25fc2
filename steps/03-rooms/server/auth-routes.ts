import type { IncomingMessage, ServerResponse } from "node:http";
import { toNodeHandler } from "better-auth/node";
import type { Auth } from "./auth";
import { MAX_AUTH_BODY_BYTES } from "./limits";

/** better-auth's endpoints: POST /api/auth/sign-up/email, /api/auth/sign-in/email, /api/auth/sign-out, … */
export const AUTH_PATH_PREFIX = "/api/auth/";

export type AuthRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers the requests under /api/auth/ and returns true; returns false for every other request. The custom server
 * answers them itself rather than a Next route handler, so the one auth instance that signs people out is the one
 * whose chat server holds their sockets.
 */
export function createAuthRoutes(auth: Auth): AuthRoutes {
  const handler = toNodeHandler(auth);
  const behindProxy = (auth.options.advanced?.ipAddress?.trustedProxies?.length ?? 0) > 0;

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
    handler(req, res).catch((error: unknown) => {
      console.error("[auth] request failed", error);
      if (res.headersSent) res.end();
      else refuse(res, 500, "SERVER_ERROR", "The server could not handle that request.");
    });
    return true;
  };
}

/** Answers with an error in better-auth's shape, `{ code, message }`, and closes the connection. */
function refuse(res: ServerResponse, status: number, code: string, message: string): true {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ code, message }));
  return true;
}
