import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Auth } from "./auth";
import { handleChatMessages } from "./chat-message-handler";
import { MAX_FRAME_BYTES, PERSON_MESSAGE_RATE_LIMIT } from "./limits";
import { createOnlineUsers } from "./online-users";
import { createPersonRateLimits } from "./person-rate-limits";
import { createPresence, DEFAULT_PRESENCE_SETTINGS, type PresenceSettings } from "./presence";
import { endConnectionsWithTheirSessions, sessionRoom } from "./session-sockets";
import { requireSignedInUser } from "./socket-auth";
import { limitSendBuffer } from "./send-buffer";
import type { ChatServer } from "./types";
import { rejectUnknownEvents } from "./unknown-events";

/** Attaches the chat's Socket.IO server to an HTTP server that may also be serving Next. Tests may lower the presence settings. */
export function createChatServer(
  httpServer: HttpServer,
  auth: Auth,
  allowedOrigins: readonly string[],
  presenceSettings: PresenceSettings = DEFAULT_PRESENCE_SETTINGS,
): ChatServer {
  const io: ChatServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
  });
  const presence = createPresence(io, createOnlineUsers(), presenceSettings);
  const personLimits = createPersonRateLimits(PERSON_MESSAGE_RATE_LIMIT);
  requireSignedInUser(io, auth, allowedOrigins);
  endConnectionsWithTheirSessions(io, auth, httpServer);

  io.on("connection", (socket) => {
    void socket.join(sessionRoom(socket.data.sessionId));
    limitSendBuffer(socket);
    rejectUnknownEvents(socket);
    presence.track(socket);
    handleChatMessages(io, socket, personLimits);
  });
  return io;
}
