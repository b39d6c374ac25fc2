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

/** Why the store refused to create a room or add a member. */
export type Refusal = "name_taken" | "limit_reached";

export type Created = { ok: true; room: Room } | { ok: false; reason: Refusal };
export type Added = { ok: true; alreadyMember: boolean } | { ok: false; reason: "limit_reached" };

/**
 * Rooms and who is in them: the only judge of membership. The socket handlers and the pages use this interface
 * and nothing else; this step keeps everything in memory (memory-room-store.ts), step 06 puts it in SQL. Every
 * method returns a promise so that a database can stand behind it. Where a check and a write must happen as one
 * step (a unique name, a limit, one direct message per pair of people), the store does both, so two requests at
 * once cannot both pass the check.
 */
export interface RoomStore {
  /** The room with this id, or undefined. */
  get(roomId: string): Promise<Room | undefined>;
  /** Every public room, oldest first. */
  publicRooms(): Promise<Room[]>;
  /** The rooms `userId` is a member of, oldest first. */
  roomsOf(userId: string): Promise<Room[]>;
  /**
   * Creates a room with its creator as the first member, unless the creator already created `maxPerCreator`
   * rooms or (public rooms) another public room has the same name, ignoring letter case.
   */
  create(room: NewRoom, maxPerCreator: number): Promise<Created>;
  /** The direct message room of two people: the existing one, or a new one started by `from` (limit as create). */
  findOrCreateDirect(from: ChatUser, to: ChatUser, maxPerCreator: number): Promise<Created>;
  isMember(roomId: string, userId: string): Promise<boolean>;
  /** The members, in the order they joined. */
  members(roomId: string): Promise<ChatUser[]>;
  /** Adds a member unless the room already has `maxMembers`; adding a member twice changes nothing. */
  addMember(roomId: string, user: ChatUser, maxMembers: number): Promise<Added>;
  /** Removes a member. A private room whose last member left is deleted. */
  removeMember(roomId: string, userId: string): Promise<void>;
}
