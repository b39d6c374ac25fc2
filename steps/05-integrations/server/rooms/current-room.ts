// For server components only: it reads the room store the chat server keeps in this process.
import type { RoomSummary } from "../../lib/protocol";
import { roomId as roomIdSchema } from "./room-requests";
import { sharedRoomStore } from "./shared-room-store";
import { findOpenableRoom, summarize } from "./room-views";

/**
 * The room `userId` may open at /rooms/`roomId`, as they see it; null for an id that is malformed, unknown, or a
 * room they are not a member of, so the page cannot tell one from the other either. The same rule as the socket's
 * "join room" (findOpenableRoom), asked of the same store.
 */
export async function getOpenableRoom(roomId: string, userId: string): Promise<RoomSummary | null> {
  if (!roomIdSchema.safeParse(roomId).success) return null;
  const store = sharedRoomStore();
  const room = await findOpenableRoom(store, roomId, userId);
  return room ? summarize(store, room, await store.isMember(room.id, userId)) : null;
}
