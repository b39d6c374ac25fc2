import type { ChatError } from "../lib/protocol";
import { REFUSALS_LIMIT } from "./limits";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";
import type { ChatServerSocket } from "./types";

const budgets = new WeakMap<ChatServerSocket, RateLimiter>();

/**
 * Counts an event the server refused. A connection that keeps sending what the server refuses (past
 * REFUSALS_LIMIT) is buggy or hostile: it is disconnected. The log gets one line for a connection's first
 * refusal and one when it is disconnected, not one per frame.
 */
export function countRefusal(socket: ChatServerSocket, event: string, error: ChatError) {
  let budget = budgets.get(socket);
  if (!budget) {
    budget = createRateLimiter(REFUSALS_LIMIT);
    budgets.set(socket, budget);
    console.warn(`[chat] ${socket.id}: refused "${event}" (${error.code}); further refusals are counted, not logged`);
  }
  if (!budget.tryTake() && socket.connected) {
    console.warn(`[chat] ${socket.id}: disconnected after too many refused events`);
    socket.emit("closing", {
      reason: "too_many_refusals",
      message: "The server closed this connection: it sent too much that was refused.",
    });
    socket.disconnect(true);
  }
}
