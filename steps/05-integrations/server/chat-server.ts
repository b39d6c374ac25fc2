import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Auth } from "./auth";
import { handleChatMessages } from "./chat-message-handler";
import type { Integrations } from "./integrations/integrations";
import { MAX_FRAME_BYTES, PERSON_MESSAGE_RATE_LIMIT } from "./limits";
import { createOnlineUsers } from "./online-users";
import { createPersonRateLimits } from "./person-rate-limits";
import { createPresence, DEFAULT_PRESENCE_SETTINGS, type PresenceSettings } from "./presence";
import { handleRooms } from "./rooms/room-handlers";
import type { RoomStore } from "./rooms/room-store";
import { sharedRoomStore } from "./rooms/shared-room-store";
import { endConnectionsWithTheirSessions, sessionRoom } from "./session-sockets";
import { requireSignedInUser } from "./socket-auth";
import { limitSendBuffer } from "./send-buffer";
import type { ChatServer } from "./types";
import { rejectUnknownEvents } from "./unknown-events";
import { createUserDirectory } from "./user-directory";

/**
 * Attaches the chat's Socket.IO server to an HTTP server that may also be serving Next. Rooms live in `rooms`:
 * by default the process's shared store, the one the room pages read. Tests may lower the presence settings.
 * With `integrations`, rooms also talk to Slack, Discord, webhooks and bots.
 */
export function createChatServer(
  httpServer: HttpServer,
  auth: Auth,
  allowedOrigins: readonly string[],
  rooms: RoomStore = sharedRoomStore(),
  presenceSettings: PresenceSettings = DEFAULT_PRESENCE_SETTINGS,
  integrations?: Integrations,
): ChatServer {
  const io: ChatServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
  });
  const presence = createPresence(io, createOnlineUsers(), presenceSettings);
  const personLimits = createPersonRateLimits(PERSON_MESSAGE_RATE_LIMIT);
  const users = createUserDirectory(auth);
  requireSignedInUser(io, auth, allowedOrigins);
  endConnectionsWithTheirSessions(io, auth, httpServer);
  integrations?.attach(io, rooms);

  io.on("connection", (socket) => {
    void socket.join(sessionRoom(socket.data.sessionId));
    limitSendBuffer(socket);
    rejectUnknownEvents(socket);
    presence.track(socket);
    handleRooms(io, socket, rooms, users);
    integrations?.handle(socket);
    handleChatMessages(io, socket, rooms, personLimits, integrations?.forward);
  });
  return io;
}
