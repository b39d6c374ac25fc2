import { randomUUID } from "node:crypto";
import type { ChatMessage, SendResult } from "../lib/protocol";
import { replyTo, splitAck } from "./acknowledge";
import { MESSAGE_RATE_LIMIT } from "./limits";
import type { PersonRateLimits } from "./person-rate-limits";
import { createRateLimiter } from "./rate-limiter";
import type { ChatServer, ChatServerSocket } from "./types";
import { parseMessageArgs } from "./validate-message";

export function handleChatMessages(io: ChatServer, socket: ChatServerSocket, personLimits: PersonRateLimits) {
  const rateLimiter = createRateLimiter(MESSAGE_RATE_LIMIT);
  // Shared with this person's other connections; a connection over its own limit does not use up theirs.
  const person = personLimits.acquire(socket.data.user.id);
  socket.on("disconnect", person.release);

  socket.on("chat message", (...args: unknown[]) => {
    const { payloads, ack } = splitAck(args);
    const reply = replyTo<SendResult>(socket, "chat message", ack);
    try {
      // The rate limit comes first: invalid messages cost the sender as much as valid ones.
      if (!rateLimiter.tryTake() || !person.limiter.tryTake()) {
        return reply({ ok: false, error: { code: "rate_limited", message: "Slow down: too many messages." } });
      }
      const parsed = parseMessageArgs(payloads);
      if (!parsed.ok) return reply({ ok: false, error: parsed.error });

      // The author comes from the session checked at the handshake: nothing the client sends can change it.
      const message: ChatMessage = {
        id: randomUUID(),
        author: socket.data.user,
        text: parsed.text,
        sentAt: Date.now(),
      };
      // Ack first: the sender then knows the message's id before its own copy of the broadcast arrives.
      reply({ ok: true, message });
      io.emit("chat message", message);
    } catch (error) {
      console.error("[chat] chat message failed", error);
      reply({ ok: false, error: { code: "server_error", message: "The server could not handle that message." } });
    }
  });
}
