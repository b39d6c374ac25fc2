import type { RoomSummary } from "../../lib/protocol";
import type { Room, RoomStore } from "./room-store";

/**
 * The room `userId` may open: any public room, or a private room or direct message they are a member of.
 * Undefined otherwise; an unknown id and a room you may not see look the same, so ids cannot be probed.
 * The socket's "join room" and the room page both ask here: one rule for both ways in.
 */
export async function findOpenableRoom(store: RoomStore, roomId: string, userId: string): Promise<Room | undefined> {
  const room = await store.get(roomId);
  if (!room) return undefined;
  if (room.kind === "public" || (await store.isMember(room.id, userId))) return room;
  return undefined;
}

/** A room as a person sees it in their list. Private rooms and direct messages name their members. */
export async function summarize(store: RoomStore, room: Room, member: boolean): Promise<RoomSummary> {
  const summary: RoomSummary = { id: room.id, name: room.name, kind: room.kind, member };
  if (room.createdBy !== "" && room.kind !== "direct") summary.createdBy = room.createdBy;
  if (room.kind !== "public") summary.members = await store.members(room.id);
  return summary;
}

/** The rooms `userId` is a member of: public and private rooms and direct messages, oldest first. */
export async function roomListFor(store: RoomStore, userId: string): Promise<RoomSummary[]> {
  return Promise.all((await store.roomsOf(userId)).map((room) => summarize(store, room, true)));
}
