import type { SendResult } from "../lib/protocol";
import type { ChatServerSocket } from "./types";

/** An event nobody listens for is ignored, and answered with an error when the client asked for an answer. */
export function rejectUnknownEvents(socket: ChatServerSocket) {
  socket.onAny((event: string, ...args: unknown[]) => {
    const listeners = socket.listeners(event as "chat message");
    if (listeners.length > 0) return;
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const reply = ack as (result: SendResult) => void;
    reply({ ok: false, error: { code: "unknown_event", message: `Unknown event "${event}".` } });
  });
}
