import type { ChatServer } from "./types";

/** Every socket joins the room of the session it authenticated with. */
export function sessionRoom(sessionId: string) {
  return `session:${sessionId}`;
}

/** Ends the chat connections of a session that has ended (its owner signed out, or it was revoked). */
export function disconnectSession(io: ChatServer, sessionId: string) {
  io.in(sessionRoom(sessionId)).disconnectSockets(true);
}
