import type { ChatUser } from "../lib/protocol";

export interface OnlineUsers {
  /** Counts a new connection of `user`; true when it is their first, so they just came online. */
  add(user: ChatUser): boolean;
  /** Counts a closed connection; true when it was their last, so they just went offline. */
  remove(userId: string): boolean;
  /** People online, each counted once. */
  readonly size: number;
  /** The first `max` people online, in the order they came. */
  list(max: number): ChatUser[];
}

/** Who is connected to this server: each person once, however many tabs they have open. */
export function createOnlineUsers(): OnlineUsers {
  const connections = new Map<string, { user: ChatUser; count: number }>();
  return {
    add(user) {
      const entry = connections.get(user.id);
      if (entry) entry.count += 1;
      else connections.set(user.id, { user, count: 1 });
      return !entry;
    },
    remove(userId) {
      const entry = connections.get(userId);
      if (!entry) return false;
      entry.count -= 1;
      if (entry.count > 0) return false;
      connections.delete(userId);
      return true;
    },
    get size() {
      return connections.size;
    },
    list(max) {
      const users: ChatUser[] = [];
      for (const { user } of connections.values()) {
        if (users.length >= max) break;
        users.push(user);
      }
      return users;
    },
  };
}
