import type { SendResult } from "../lib/protocol";
import { replyTo } from "./acknowledge";
import type { ChatServerSocket } from "./types";

/** An event nobody listens for is refused: answered with an error when the client asked for an answer. */
export function rejectUnknownEvents(socket: ChatServerSocket) {
  socket.onAny((event: string, ...args: unknown[]) => {
    const listeners = socket.listeners(event as "chat message");
    if (listeners.length > 0) return;
    const reply = replyTo<SendResult>(socket, event, args.at(-1));
    reply({ ok: false, error: { code: "unknown_event", message: `Unknown event "${event}".` } });
  });
}
