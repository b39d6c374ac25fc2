import type { ChatUser, RoomSummary } from "./protocol";

/** A room's name as `me` sees it: a direct message is named after the other person. */
export function roomTitle(room: RoomSummary, me: ChatUser): string {
  if (room.kind !== "direct") return room.name;
  return room.members?.find((member) => member.id !== me.id)?.name ?? "Direct message";
}
