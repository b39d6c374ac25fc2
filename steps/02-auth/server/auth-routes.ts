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

  return (req, res) => {
    if (!req.url?.startsWith(AUTH_PATH_PREFIX)) return false;
    const declaredLength = Number(req.headers["content-length"] ?? 0);
    if (declaredLength > MAX_AUTH_BODY_BYTES || (req.headers["transfer-encoding"] && !req.headers["content-length"])) {
      res.writeHead(413, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify({ code: "BODY_TOO_LARGE", message: `A request body can be at most ${MAX_AUTH_BODY_BYTES} bytes.` }));
      return true;
    }
    // better-auth limits requests per client address, which it reads from x-forwarded-for. Without a proxy in front,
    // the only address known is the connection's own; a value the client sent itself is not to be trusted.
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    handler(req, res).catch((error: unknown) => {
      console.error("[auth] request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "SERVER_ERROR", message: "The server could not handle that request." }));
    });
    return true;
  };
}
