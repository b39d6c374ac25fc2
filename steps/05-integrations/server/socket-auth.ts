import { fromNodeHeaders } from "better-auth/node";
import type { ConnectErrorCode } from "../lib/protocol";
import { isAllowedOrigin } from "./allowed-origins";
import type { Auth } from "./auth";
import { refusalLog } from "./refusal-log";
import type { ChatServer } from "./types";

/** A refused handshake: the client's `connect_error` carries `code` as its message, and a sentence in `data`. */
function refusal(code: ConnectErrorCode, message: string) {
  refusalLog.record(`[chat] connections refused (${code})`);
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * Admits a connection only from this app's own pages (or a program, which sends no Origin) and only with a valid
 * session cookie; the session's user becomes the socket's identity. Runs once per connection, before "connection".
 */
export function requireSignedInUser(io: ChatServer, auth: Auth, allowedOrigins: readonly string[]) {
  io.use((socket, next) => {
    const { origin } = socket.request.headers;
    if (isAllowedOrigin(origin, allowedOrigins)) return next();
    next(refusal("forbidden_origin", `Pages from ${origin} may not connect to this chat.`));
  });

  io.use((socket, next) => {
    auth.api.getSession({ headers: fromNodeHeaders(socket.request.headers) }).then(
      (session) => {
        if (!session) return next(refusal("unauthorized", "Sign in to chat."));
        socket.data.user = { id: session.user.id, name: session.user.name };
        socket.data.sessionId = session.session.id;
        socket.data.sessionExpiresAt = new Date(session.session.expiresAt).getTime();
        next();
      },
      (error: unknown) => {
        console.error("[chat] session look-up failed", error);
        next(refusal("server_error", "The server could not check your session. Try again."));
      },
    );
  });
}
