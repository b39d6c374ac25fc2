import type { Server as HttpServer } from "node:http";
import type { ClosingNotice } from "../lib/protocol";
import type { Auth } from "./auth";
import { SESSION_CHECK_INTERVAL_MS } from "./limits";
import type { ChatServer } from "./types";

/** Sessions looked up per database query: well under SQLite's limit on the values of one `IN (…)`. */
const SESSIONS_PER_QUERY = 500;

const SESSION_ENDED: ClosingNotice = { reason: "session_ended", message: "Your session has ended: sign in again." };

/** Every socket joins the room of the session it authenticated with. */
export function sessionRoom(sessionId: string) {
  return `session:${sessionId}`;
}

/** Ends the chat connections of a session that has ended (signed out, revoked or expired), telling them why first. */
export function disconnectSession(io: ChatServer, sessionId: string) {
  io.in(sessionRoom(sessionId)).emit("closing", SESSION_ENDED);
  io.in(sessionRoom(sessionId)).disconnectSockets(true);
}

/**
 * Keeps no connection open longer than its session. Sign-outs and revocations made through this process end their
 * connections at once (server/auth.ts); an expired session, or one deleted by another process, is found by a check
 * of every connected session each SESSION_CHECK_INTERVAL_MS, and by a connection's own next event after its
 * session's expiry time (a comparison in memory, no query, until then).
 */
export function endConnectionsWithTheirSessions(io: ChatServer, auth: Auth, httpServer: HttpServer) {
  const timer = setInterval(() => void endEndedSessions(io, auth), SESSION_CHECK_INTERVAL_MS).unref();
  httpServer.once("close", () => clearInterval(timer));

  io.on("connection", (socket) => {
    socket.use((_packet, next) => {
      if (Date.now() < socket.data.sessionExpiresAt) return next();
      // Past the expiry read at the handshake: the session may since have been extended, so ask the database.
      void endEndedSessions(io, auth, [socket.data.sessionId]).then((ended) => {
        if (ended.length === 0) next();
      });
    });
  });
}

/**
 * Looks up the sessions of the connected sockets (or `sessionIds`) and disconnects those whose session is gone or
 * expired; the others learn their session's current expiry. Resolves with the ids of the sessions it ended.
 */
export async function endEndedSessions(
  io: ChatServer,
  auth: Auth,
  sessionIds = connectedSessionIds(io),
): Promise<string[]> {
  const expiries = new Map<string, number>();
  try {
    const { adapter } = await auth.$context;
    for (let start = 0; start < sessionIds.length; start += SESSIONS_PER_QUERY) {
      const ids = sessionIds.slice(start, start + SESSIONS_PER_QUERY);
      const rows = await adapter.findMany<{ id: string; expiresAt: Date }>({
        model: "session",
        where: [{ field: "id", operator: "in", value: ids }],
        limit: ids.length,
      });
      for (const row of rows) expiries.set(row.id, new Date(row.expiresAt).getTime());
    }
  } catch (error) {
    // The database could not answer: nobody is disconnected for that, the next check tries again.
    console.error("[chat] session check failed", error);
    return [];
  }

  const now = Date.now();
  const ended = sessionIds.filter((id) => (expiries.get(id) ?? 0) <= now);
  for (const id of ended) disconnectSession(io, id);
  for (const socket of io.of("/").sockets.values()) {
    const expiresAt = expiries.get(socket.data.sessionId);
    if (expiresAt !== undefined) socket.data.sessionExpiresAt = expiresAt;
  }
  return ended;
}

function connectedSessionIds(io: ChatServer): string[] {
  return [...new Set(Array.from(io.of("/").sockets.values(), (socket) => socket.data.sessionId))];
}
