import { PRESENCE_ANNOUNCE_MAX_ONLINE, PRESENCE_LIST_MAX } from "./limits";
import type { OnlineUsers } from "./online-users";
import type { ChatServerSocket } from "./types";

/** Tells a new client who is online, and everyone else when somebody comes (first tab) or goes (last tab). */
export function trackPresence(socket: ChatServerSocket, onlineUsers: OnlineUsers) {
  const { user } = socket.data;
  const cameOnline = onlineUsers.add(user);

  socket.emit("presence", { online: onlineUsers.size, users: onlineUsers.list(PRESENCE_LIST_MAX) });
  if (cameOnline && onlineUsers.size <= PRESENCE_ANNOUNCE_MAX_ONLINE) {
    socket.broadcast.emit("user joined", { user, online: onlineUsers.size });
  }

  socket.on("disconnect", () => {
    const wentOffline = onlineUsers.remove(user.id);
    if (wentOffline && onlineUsers.size < PRESENCE_ANNOUNCE_MAX_ONLINE) {
      socket.broadcast.emit("user left", { user, online: onlineUsers.size });
    }
  });
}
