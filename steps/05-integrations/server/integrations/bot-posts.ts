import { randomUUID } from "node:crypto";
import type { ChatMessage } from "../../lib/protocol";
import { membersKey, roomKey } from "../rooms/room-keys";
import type { RoomStore } from "../rooms/room-store";
import type { ChatServer } from "../types";
import type { PostAsBot } from "./incoming-route";

/**
 * Posts bots' messages the way people's are sent: to the connections that have the room open, and a count to its
 * other members; nobody else. Marked `bot`, under the name the bot gave, never an account's id. A bot mentions
 * nobody: its @names are text, so a bot cannot ping the room's members.
 */
export function botPoster(io: ChatServer, rooms: RoomStore): PostAsBot {
  return async (hook, text, username) => {
    if (!(await rooms.get(hook.roomId))) return undefined;
    const author = { id: `bot:${hook.id}`, name: username };
    const message: ChatMessage = {
      id: randomUUID(),
      roomId: hook.roomId,
      author,
      text,
      mentions: [],
      sentAt: Date.now(),
      bot: true,
    };
    io.to(roomKey(hook.roomId)).emit("chat message", message);
    io.to(membersKey(hook.roomId)).except(roomKey(hook.roomId)).emit("room activity", { roomId: hook.roomId });
    return message;
  };
}
