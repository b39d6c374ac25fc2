import type { ChatError } from "../lib/protocol";
import { countRefusal } from "./refusals";
import type { ChatServerSocket } from "./types";

type Reply = { ok: true } | { ok: false; error: ChatError };

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
