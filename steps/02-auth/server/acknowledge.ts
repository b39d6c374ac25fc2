import type { ChatError } from "../lib/protocol";

/**
 * The reply function for an event's payload: the client's ack callback when it sent one. A client that sent no
 * callback cannot hear an error, so the server logs it instead of dropping it silently.
 */
export function replyTo<T>(socketId: string, event: string, ack: unknown): (result: T) => void {
  if (typeof ack === "function") return ack as (result: T) => void;
  return (result) => {
    const error = (result as { ok?: boolean; error?: ChatError }).error;
    if (error) console.warn(`[chat] ${socketId} sent "${event}" without an ack callback: ${error.code}`);
  };
}
