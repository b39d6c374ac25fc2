import { randomUUID } from "node:crypto";
import type { ChatMessage, SendResult } from "../lib/protocol";
import { replyTo, splitAck } from "./acknowledge";
import { MESSAGE_RATE_LIMIT } from "./limits";
import { findMentions } from "./mentions";
import type { PersonRateLimits } from "./person-rate-limits";
import { createRateLimiter } from "./rate-limiter";
import { membersKey, roomKey, userKey } from "./rooms/room-keys";
import type { RoomStore } from "./rooms/room-store";
import type { ChatServer, ChatServerSocket } from "./types";
import { parseMessageArgs } from "./validate-message";

export function handleChatMessages(
  io: ChatServer,
  socket: ChatServerSocket,
  rooms: RoomStore,
  personLimits: PersonRateLimits,
  afterBroadcast: (message: ChatMessage) => void = () => {},
) {
  const rateLimiter = createRateLimiter(MESSAGE_RATE_LIMIT);
  // Shared with this person's other connections; a connection over its own limit does not use up theirs.
  const person = personLimits.acquire(socket.data.user.id);
  socket.on("disconnect", person.release);

  socket.on("chat message", (...args: unknown[]) => {
    const { payloads, ack } = splitAck(args);
    const reply = replyTo<SendResult>(socket, "chat message", ack);
    sendToOpenRoom(payloads, reply).catch((error: unknown) => {
      console.error("[chat] chat message failed", error);
      reply({ ok: false, error: { code: "server_error", message: "The server could not handle that message." } });
    });
  });

  async function sendToOpenRoom(payloads: unknown[], reply: (result: SendResult) => void) {
    // The rate limit comes first: invalid messages cost the sender as much as valid ones.
    if (!rateLimiter.tryTake() || !person.limiter.tryTake()) {
      return reply({ ok: false, error: { code: "rate_limited", message: "Slow down: too many messages." } });
    }
    const parsed = parseMessageArgs(payloads);
    if (!parsed.ok) return reply({ ok: false, error: parsed.error });
    // Membership is checked on every message, not only when the room was opened: it may have ended since.
    const { roomId, user } = socket.data;
    if (roomId === null || !(await rooms.isMember(roomId, user.id))) {
      return reply({ ok: false, error: { code: "not_found", message: "Open a room you are a member of, then send." } });
    }

    const { text } = parsed;
    const mentions = await findMentions(rooms, roomId, text);
    // The author comes from the session checked at the handshake: nothing the client sends can change it.
    const message: ChatMessage = { id: randomUUID(), roomId, author: user, text, mentions, sentAt: Date.now() };
    // Ack first: the sender then knows the message's id before its own copy of the broadcast arrives.
    reply({ ok: true, message });
    io.to(roomKey(roomId)).emit("chat message", message);
    // Members without the room open (here or in another tab) learn that something came, never what; the people it
    // mentions, that it mentions them.
    const mentioned = mentions.filter((person) => person.id !== user.id).map((person) => userKey(person.id));
    io.to(membersKey(roomId))
      .except([roomKey(roomId), userKey(user.id), ...mentioned])
      .emit("room activity", { roomId });
    if (mentioned.length > 0)
      io.to(mentioned).except(roomKey(roomId)).emit("room activity", { roomId, mentioned: true });
    // Only now, with every member's copy on its way: forwarding elsewhere never delays the chat.
    afterBroadcast(message);
  }
}
