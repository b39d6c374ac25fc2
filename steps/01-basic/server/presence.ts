import { PRESENCE_ANNOUNCE_MAX_ONLINE } from "./limits";
import type { ChatServer, ChatServerSocket } from "./types";

/** Tells a new client how many are online, and everyone else that somebody came or went. */
export function trackPresence(io: ChatServer, socket: ChatServerSocket) {
  const online = () => io.of("/").sockets.size;

  socket.emit("presence", { online: online() });
  if (online() <= PRESENCE_ANNOUNCE_MAX_ONLINE) socket.broadcast.emit("user joined", { online: online() });

  socket.on("disconnect", () => {
    // By now the socket has left the namespace, so online() no longer counts it.
    if (online() < PRESENCE_ANNOUNCE_MAX_ONLINE) socket.broadcast.emit("user left", { online: online() });
  });
}
