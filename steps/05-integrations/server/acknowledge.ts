import type { ChatError } from "../lib/protocol";
import { countRefusal } from "./refusals";
import type { ChatServerSocket } from "./types";

type Reply = { ok: true } | { ok: false; error: ChatError };

/**
 * An event's arguments as the client sent them: the ack callback is the last argument when that is a function
 * (Socket.IO puts it there), everything before it is payload. Reading the ack from a fixed position would miss it
 * when a client sends an extra argument, and leave that client without an answer.
 */
export function splitAck(args: unknown[]): { payloads: unknown[]; ack: unknown } {
  const last = args.at(-1);
  return typeof last === "function" ? { payloads: args.slice(0, -1), ack: last } : { payloads: args, ack: undefined };
}

/**
 * The reply function for an event: answers through the client's ack callback when it sent one. Every refusal is
 * counted against the connection (see refusals.ts), with or without a callback, so none goes unnoticed.
 */
export function replyTo<T extends Reply>(socket: ChatServerSocket, event: string, ack: unknown): (result: T) => void {
  const callback = typeof ack === "function" ? (ack as (result: T) => void) : undefined;
  return (result) => {
    if (!result.ok) countRefusal(socket, event, result.error);
    callback?.(result);
  };
}
