import { PRESENCE_LIST_MAX, type ChatUser } from "../lib/protocol";
import { PRESENCE_ANNOUNCE_MAX_ONLINE, PRESENCE_BATCH_INTERVAL_MS } from "./limits";
import type { OnlineUsers } from "./online-users";
import type { ChatServer, ChatServerSocket } from "./types";

export interface PresenceSettings {
  /** Up to this many people online, each arrival and departure is announced at once. */
  announceMaxOnline: number;
  /** Above it, everyone gets at most one batched update per this many milliseconds. */
  batchIntervalMs: number;
}

export const DEFAULT_PRESENCE_SETTINGS: PresenceSettings = {
  announceMaxOnline: PRESENCE_ANNOUNCE_MAX_ONLINE,
  batchIntervalMs: PRESENCE_BATCH_INTERVAL_MS,
};

export interface Presence {
  /** Counts a new connection, tells it who is online and tells everyone else when its person comes or goes. */
  track(socket: ChatServerSocket): void;
}

/**
 * Keeps every client's view of who is online equal to the server's, at any size: a newcomer gets a snapshot; in a
 * small crowd the others hear of each arrival (first tab) and departure (last tab) at once; in a large one they get
 * at most one batched update per interval with the exact count and who came and went since the last.
 */
export function createPresence(
  io: ChatServer,
  onlineUsers: OnlineUsers,
  settings = DEFAULT_PRESENCE_SETTINGS,
): Presence {
  // Each person's latest change not yet sent; someone who left and came back is simply "online".
  const pending = new Map<string, { user: ChatUser; online: boolean }>();
  let batchTimer: NodeJS.Timeout | undefined;

  const snapshot = () => ({ online: onlineUsers.size, users: onlineUsers.list(PRESENCE_LIST_MAX) });

  function announce(socket: ChatServerSocket, user: ChatUser, cameOnline: boolean) {
    const crowd = Math.max(onlineUsers.size, cameOnline ? onlineUsers.size - 1 : onlineUsers.size + 1);
    // Only while nothing is pending: an older batched change for this person must not arrive after this one.
    if (batchTimer === undefined && crowd <= settings.announceMaxOnline) {
      socket.broadcast.emit(cameOnline ? "user joined" : "user left", { user, online: onlineUsers.size });
      return;
    }
    pending.set(user.id, { user, online: cameOnline });
    batchTimer ??= setTimeout(sendBatch, settings.batchIntervalMs).unref();
  }

  function sendBatch() {
    batchTimer = undefined;
    const changes = [...pending.values()];
    pending.clear();
    // Too many to name: a fresh snapshot is no bigger than a full batch, and puts every list right.
    if (changes.length > PRESENCE_LIST_MAX) {
      io.emit("presence", snapshot());
      return;
    }
    const joined = changes.filter((change) => change.online).map((change) => change.user);
    const left = changes.filter((change) => !change.online).map((change) => change.user);
    io.emit("presence update", { online: onlineUsers.size, joined, left });
  }

  return {
    track(socket) {
      const { user } = socket.data;
      const cameOnline = onlineUsers.add(user);
      socket.emit("presence", snapshot());
      if (cameOnline) announce(socket, user, true);

      socket.on("disconnect", () => {
        if (onlineUsers.remove(user.id)) announce(socket, user, false);
      });
    },
  };
}
