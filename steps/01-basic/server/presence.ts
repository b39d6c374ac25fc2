import { PRESENCE_ANNOUNCE_MAX_ONLINE, PRESENCE_BATCH_INTERVAL_MS } from "./limits";
import type { ChatServer, ChatServerSocket } from "./types";

export interface PresenceSettings {
  /** Up to this many online, each arrival and departure is announced at once. */
  announceMaxOnline: number;
  /** Above it, everyone gets at most one count per this many milliseconds. */
  batchIntervalMs: number;
}

export const DEFAULT_PRESENCE_SETTINGS: PresenceSettings = {
  announceMaxOnline: PRESENCE_ANNOUNCE_MAX_ONLINE,
  batchIntervalMs: PRESENCE_BATCH_INTERVAL_MS,
};

export interface Presence {
  /** Tells a new client how many are online, and everyone else that somebody came or went. */
  track(socket: ChatServerSocket): void;
}

/**
 * Keeps every client's online count equal to the server's, at any size: in a small crowd each arrival and departure
 * is announced at once; in a large one everyone gets at most one "presence" with the exact count per interval.
 */
export function createPresence(io: ChatServer, settings = DEFAULT_PRESENCE_SETTINGS): Presence {
  const online = () => io.of("/").sockets.size;
  let batchTimer: NodeJS.Timeout | undefined;

  function announce(socket: ChatServerSocket, event: "user joined" | "user left", crowd: number) {
    if (batchTimer === undefined && crowd <= settings.announceMaxOnline) {
      socket.broadcast.emit(event, { online: online() });
      return;
    }
    batchTimer ??= setTimeout(() => {
      batchTimer = undefined;
      io.emit("presence", { online: online() });
    }, settings.batchIntervalMs).unref();
  }

  return {
    track(socket) {
      socket.emit("presence", { online: online() });
      announce(socket, "user joined", online());

      socket.on("disconnect", () => {
        // By now the socket has left the namespace, so online() no longer counts it.
        announce(socket, "user left", online() + 1);
      });
    },
  };
}
