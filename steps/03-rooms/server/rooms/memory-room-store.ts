import { randomBytes } from "node:crypto";
import { DEFAULT_ROOM_ID, type ChatUser } from "../../lib/protocol";
import type { Room, RoomStore } from "./room-store";

/** A new room's id: 12 URL-safe characters, unguessable, so a room's URL reveals nothing about other rooms. */
function newRoomId() {
  return randomBytes(9).toString("base64url");
}

/** The same key for both orders of the two people. */
function directKey(userA: string, userB: string) {
  return userA < userB ? `${userA}/${userB}` : `${userB}/${userA}`;
}

/**
 * The room store in this process's memory, starting with the default public room. Everything is gone when the
 * server restarts (step 06 keeps it in SQL). Each method does its checks and writes without awaiting in between,
 * so no other request can slip in between a check and its write.
 */
export function createMemoryRoomStore(now: () => number = Date.now): RoomStore {
  const rooms = new Map<string, Room>();
  /** Members of each room, by user id, in the order they joined (a Map keeps insertion order). */
  const members = new Map<string, Map<string, ChatUser>>();
  const directRooms = new Map<string, string>();
  const createdCount = new Map<string, number>();

  function insert(room: Room, firstMembers: ChatUser[]) {
    rooms.set(room.id, room);
    members.set(room.id, new Map(firstMembers.map((user) => [user.id, user])));
    createdCount.set(room.createdBy, (createdCount.get(room.createdBy) ?? 0) + 1);
    return room;
  }

  insert({ id: DEFAULT_ROOM_ID, name: DEFAULT_ROOM_ID, kind: "public", createdBy: "", createdAt: now() }, []);

  const byAge = (list: Iterable<Room>) => [...list].sort((a, b) => a.createdAt - b.createdAt);

  /* eslint-disable @typescript-eslint/require-await -- async like every RoomStore, which a database may stand behind */
  return {
    async get(roomId) {
      return rooms.get(roomId);
    },
    async publicRooms() {
      return byAge([...rooms.values()].filter((room) => room.kind === "public"));
    },
    async roomsOf(userId) {
      return byAge([...rooms.values()].filter((room) => members.get(room.id)?.has(userId)));
    },
    async create({ name, kind, creator }, maxPerCreator) {
      if ((createdCount.get(creator.id) ?? 0) >= maxPerCreator) return { ok: false, reason: "limit_reached" };
      const lowerName = name.toLowerCase();
      if (kind === "public" && [...rooms.values()].some((room) => room.kind === "public" && room.name.toLowerCase() === lowerName)) {
        return { ok: false, reason: "name_taken" };
      }
      const room = insert({ id: newRoomId(), name, kind, createdBy: creator.id, createdAt: now() }, [creator]);
      return { ok: true, room };
    },
    async findOrCreateDirect(from, to, maxPerCreator) {
      const key = directKey(from.id, to.id);
      const existing = directRooms.get(key);
      if (existing) return { ok: true, room: rooms.get(existing) as Room };
      if ((createdCount.get(from.id) ?? 0) >= maxPerCreator) return { ok: false, reason: "limit_reached" };
      const room = insert({ id: newRoomId(), name: "", kind: "direct", createdBy: from.id, createdAt: now() }, [from, to]);
      directRooms.set(key, room.id);
      return { ok: true, room };
    },
    async isMember(roomId, userId) {
      return members.get(roomId)?.has(userId) ?? false;
    },
    async members(roomId) {
      return [...(members.get(roomId)?.values() ?? [])];
    },
    async addMember(roomId, user, maxMembers) {
      const roomMembers = members.get(roomId);
      if (!roomMembers) throw new Error(`no room ${roomId}`);
      if (roomMembers.has(user.id)) return { ok: true, alreadyMember: true };
      if (roomMembers.size >= maxMembers) return { ok: false, reason: "limit_reached" };
      roomMembers.set(user.id, user);
      return { ok: true, alreadyMember: false };
    },
    async removeMember(roomId, userId) {
      const roomMembers = members.get(roomId);
      roomMembers?.delete(userId);
      if (roomMembers?.size === 0 && rooms.get(roomId)?.kind === "private") {
        rooms.delete(roomId);
        members.delete(roomId);
      }
    },
  };
  /* eslint-enable @typescript-eslint/require-await */
}
