import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { handleChatMessages } from "./chat-message-handler";
import { MAX_FRAME_BYTES } from "./limits";
import { createPresence, DEFAULT_PRESENCE_SETTINGS, type PresenceSettings } from "./presence";
import { limitSendBuffer } from "./send-buffer";
import type { ChatServer } from "./types";
import { rejectUnknownEvents } from "./unknown-events";

/**
 * Attaches the chat's Socket.IO server to an HTTP server that may also be serving Next. Tests may lower the presence
 * settings.
 */
export function createChatServer(
  httpServer: HttpServer,
  presenceSettings: PresenceSettings = DEFAULT_PRESENCE_SETTINGS,
): ChatServer {
  const io: ChatServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
  });
  const presence = createPresence(io, presenceSettings);

  io.on("connection", (socket) => {
    limitSendBuffer(socket);
    rejectUnknownEvents(socket);
    presence.track(socket);
    handleChatMessages(io, socket);
  });
  return io;
}
