import type { ChatUser, RoomKind } from "../../lib/protocol";

export interface Room {
  id: string;
  /** "" for a direct message: each of its two people sees it under the other's name. */
  name: string;
  kind: RoomKind;
  /** The user who created it (who started it, for a direct message); "" for the default room. */
  createdBy: string;
  createdAt: number;
}

export interface NewRoom {
  name: string;
  kind: "public" | "private";
  creator: ChatUser;
}

/** How many rooms may exist: per creator (rooms they created that still exist), public rooms, rooms of any kind. */
export interface RoomLimits {
  perCreator: number;
  publicRooms: number;
  allRooms: number;
}

/**
 * Why the store refused to create a room or add a member. "limit_reached": the creator's own limit or the room's
 * member limit; "store_full": the server holds as many public rooms (or rooms of any kind) as it may.
 */
export type Refusal = "name_taken" | "limit_reached" | "store_full";

export type Created = { ok: true; room: Room } | { ok: false; reason: Refusal };
export type Added = { ok: true; alreadyMember: boolean } | { ok: false; reason: "limit_reached" };

/** One page of public rooms, newest first. */
export interface PublicRoomQuery {
  /** Only rooms whose name contains this, ignoring letter case; "" for all. */
  search: string;
  /** The `next` of the page before, to continue after it; null for the first page. */
  cursor: string | null;
  /** Leave out the rooms this person is a member of. */
  notJoinedBy: string;
  limit: number;
}

export interface RoomPage {
  rooms: Room[];
  /** The cursor of the next page, or null when this page is the last. */
  next: string | null;
}

/**
 * Rooms and who is in them: the only judge of membership. The socket handlers and the pages use this interface
 * and nothing else; this step keeps everything in memory (memory-room-store.ts), step 06 puts it in SQL. Every
 * method returns a promise so that a database can stand behind it. Where a check and a write must happen as one
 * step (a unique name, a limit, one direct message per pair of people), the store does both, so two requests at
 * once cannot both pass the check. No method reads every room: each answer comes from an index, as a database's
 * would (a public room page is a keyset query: `WHERE (created_at, id) < cursor's ORDER BY … LIMIT n`).
 */
export interface RoomStore {
  /** The room with this id, or undefined. */
  get(roomId: string): Promise<Room | undefined>;
  /** A page of public rooms, newest first. An unknown cursor gives an empty page. */
  publicRooms(query: PublicRoomQuery): Promise<RoomPage>;
  /** The rooms `userId` is a member of, oldest first. */
  roomsOf(userId: string): Promise<Room[]>;
  /**
   * Creates a room with its creator as the first member, unless a limit is reached or (public rooms) another
   * public room has the same name, ignoring letter case.
   */
  create(room: NewRoom, limits: RoomLimits): Promise<Created>;
  /** The direct message room of two people: the existing one, or a new one started by `from` (limits as create). */
  findOrCreateDirect(from: ChatUser, to: ChatUser, limits: RoomLimits): Promise<Created>;
  isMember(roomId: string, userId: string): Promise<boolean>;
  /** The members, in the order they joined. */
  members(roomId: string): Promise<ChatUser[]>;
  /** The members whose name, in lower case, is one of `nameKeys` (an index lookup each, however big the room). */
  membersNamed(roomId: string, nameKeys: string[]): Promise<ChatUser[]>;
  /** Adds a member unless the room already has `maxMembers`; adding a member twice changes nothing. */
  addMember(roomId: string, user: ChatUser, maxMembers: number): Promise<Added>;
  /** Removes a member. A private room whose last member left is deleted, and no longer counts for its creator. */
  removeMember(roomId: string, userId: string): Promise<void>;
}
