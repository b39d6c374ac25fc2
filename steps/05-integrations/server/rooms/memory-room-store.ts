import { randomBytes } from "node:crypto";
import { nameKey as mentionKey } from "../../lib/mentions";
import { DEFAULT_ROOM_ID, type ChatUser } from "../../lib/protocol";
import { createNameIndex } from "./name-index";
import type { Created, Room, RoomLimits, RoomStore } from "./room-store";

/** A new room's id: 12 URL-safe characters, unguessable, so a room's URL reveals nothing about other rooms. */
function newRoomId() {
  return randomBytes(9).toString("base64url");
}

/** The same key for both orders of the two people. */
function directKey(userA: string, userB: string) {
  return userA < userB ? `${userA}/${userB}` : `${userB}/${userA}`;
}

/** What makes two public room names the same: letter case does not count. */
function nameKey(name: string) {
  return name.toLowerCase();
}

/** A member of a room by their name's mention key (lib/mentions.ts), the keys membersNamed is given. */
function memberNameKey(roomId: string, name: string) {
  return `${roomId}\n${mentionKey(name)}`;
}

/** Adds `value` to the set under `key`, creating the set when it is the first. */
function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V) {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V) {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}

/** How many of the ascending `numbers` are below `limit` (a binary search). */
function countBelow(numbers: readonly number[], limit: number) {
  let [low, high] = [0, numbers.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (numbers[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The room store in this process's memory, starting with the default public room. Everything is gone when the
 * server restarts (step 06 keeps it in SQL). Each method does its checks and writes without awaiting in between,
 * so no other request can slip in between a check and its write. Every question is answered from an index kept
 * next to the rooms, never by going through all rooms: a server with 10,000 rooms answers as fast as one with 10.
 */
export function createMemoryRoomStore(now: () => number = Date.now): RoomStore {
  const rooms = new Map<string, Room>();
  /** Members of each room, by user id, in the order they joined (a Map keeps insertion order). */
  const members = new Map<string, Map<string, ChatUser>>();
  /** Members of each room by their name's key (`memberNameKey`): who an @name mentions. */
  const membersByName = new Map<string, Set<ChatUser>>();
  /** The rooms each person is a member of: the other direction of `members`. */
  const memberships = new Map<string, Set<string>>();
  /** The rooms each person created that still exist: what their limit counts. */
  const createdBy = new Map<string, Set<string>>();
  /** Creation order, the tie-breaker of rooms created in the same millisecond. */
  const sequence = new Map<string, number>();
  let nextSequence = 0;
  const directRooms = new Map<string, string>();
  /** Public rooms by name key: the uniqueness check. */
  const publicByName = new Map<string, string>();
  /** Public rooms oldest first, with their name key; they are never deleted, so a room's position never changes. */
  const publicList: { room: Room; key: string }[] = [];
  const publicPosition = new Map<string, number>();
  /** Which positions in `publicList` a search can match. */
  const publicNames = createNameIndex();

  function join(roomId: string, user: ChatUser) {
    members.get(roomId)?.set(user.id, user);
    addTo(memberships, user.id, roomId);
    addTo(membersByName, memberNameKey(roomId, user.name), user);
  }

  function insert(room: Room, firstMembers: ChatUser[]) {
    rooms.set(room.id, room);
    sequence.set(room.id, nextSequence++);
    members.set(room.id, new Map());
    for (const user of firstMembers) join(room.id, user);
    if (room.createdBy !== "") addTo(createdBy, room.createdBy, room.id);
    if (room.kind === "public") {
      const key = nameKey(room.name);
      publicByName.set(key, room.id);
      publicPosition.set(room.id, publicList.length);
      publicNames.add(key, publicList.length);
      publicList.push({ room, key });
    }
    return room;
  }

  function remove(room: Room) {
    rooms.delete(room.id);
    members.delete(room.id);
    sequence.delete(room.id);
    removeFrom(createdBy, room.createdBy, room.id);
  }

  /** Why `creatorId` may not create a room of `kind` now, or undefined when they may. */
  function refusal(creatorId: string, kind: Room["kind"], limits: RoomLimits): Created | undefined {
    if ((createdBy.get(creatorId)?.size ?? 0) >= limits.perCreator) return { ok: false, reason: "limit_reached" };
    if (rooms.size >= limits.allRooms) return { ok: false, reason: "store_full" };
    if (kind === "public" && publicList.length >= limits.publicRooms) return { ok: false, reason: "store_full" };
  }

  insert({ id: DEFAULT_ROOM_ID, name: DEFAULT_ROOM_ID, kind: "public", createdBy: "", createdAt: now() }, []);

  /* eslint-disable @typescript-eslint/require-await -- async like every RoomStore, which a database may stand behind */
  return {
    async get(roomId) {
      return rooms.get(roomId);
    },
    async publicRooms({ search, cursor, notJoinedBy, limit }) {
      const start = cursor === null ? publicList.length : publicPosition.get(cursor);
      if (start === undefined) return { rooms: [], next: null };
      const wanted = nameKey(search);
      // Only the rooms whose names can contain the search are read; every room when there is none.
      const candidates = wanted === "" ? undefined : publicNames.candidates(wanted);
      const mine = memberships.get(notJoinedBy);
      const page: Room[] = [];
      // Newest first, from just before the cursor; one match more than the page tells whether a next page exists.
      for (let i = candidates ? countBelow(candidates, start) - 1 : start - 1; i >= 0; i--) {
        const { room, key } = publicList[candidates ? candidates[i] : i];
        if (!key.includes(wanted) || mine?.has(room.id)) continue;
        if (page.length === limit) return { rooms: page, next: page[page.length - 1].id };
        page.push(room);
      }
      return { rooms: page, next: null };
    },
    async roomsOf(userId) {
      const ids = [...(memberships.get(userId) ?? [])];
      const order = (id: string) => sequence.get(id) ?? 0;
      return ids.sort((a, b) => order(a) - order(b)).map((id) => rooms.get(id) as Room);
    },
    async create({ name, kind, creator }, limits) {
      const refused = refusal(creator.id, kind, limits);
      if (refused) return refused;
      if (kind === "public" && publicByName.has(nameKey(name))) return { ok: false, reason: "name_taken" };
      const room = insert({ id: newRoomId(), name, kind, createdBy: creator.id, createdAt: now() }, [creator]);
      return { ok: true, room };
    },
    async findOrCreateDirect(from, to, limits) {
      const key = directKey(from.id, to.id);
      const existing = directRooms.get(key);
      if (existing) return { ok: true, room: rooms.get(existing) as Room };
      const refused = refusal(from.id, "direct", limits);
      if (refused) return refused;
      const room = insert({ id: newRoomId(), name: "", kind: "direct", createdBy: from.id, createdAt: now() }, [
        from,
        to,
      ]);
      directRooms.set(key, room.id);
      return { ok: true, room };
    },
    async isMember(roomId, userId) {
      return members.get(roomId)?.has(userId) ?? false;
    },
    async members(roomId) {
      return [...(members.get(roomId)?.values() ?? [])];
    },
    async membersNamed(roomId, nameKeys) {
      return nameKeys.flatMap((key) => [...(membersByName.get(memberNameKey(roomId, key)) ?? [])]);
    },
    async addMember(roomId, user, maxMembers) {
      const roomMembers = members.get(roomId);
      if (!roomMembers) throw new Error(`no room ${roomId}`);
      if (roomMembers.has(user.id)) return { ok: true, alreadyMember: true };
      if (roomMembers.size >= maxMembers) return { ok: false, reason: "limit_reached" };
      join(roomId, user);
      return { ok: true, alreadyMember: false };
    },
    async removeMember(roomId, userId) {
      const roomMembers = members.get(roomId);
      const user = roomMembers?.get(userId);
      if (!roomMembers || !user) return;
      roomMembers.delete(userId);
      removeFrom(memberships, userId, roomId);
      removeFrom(membersByName, memberNameKey(roomId, user.name), user);
      const room = rooms.get(roomId);
      if (roomMembers.size === 0 && room?.kind === "private") remove(room);
    },
  };
  /* eslint-enable @typescript-eslint/require-await */
}
