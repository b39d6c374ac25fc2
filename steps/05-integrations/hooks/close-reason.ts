import { TOO_FAR_BEHIND_CLOSE_CODE, type ClosingNotice } from "../lib/protocol";

const TOO_FAR_BEHIND = "This tab fell too far behind and was reconnected: messages sent meanwhile may be missing.";

/**
 * Why the connection just ended, as a sentence for people: what the server said in "closing", or, for a connection
 * it dropped for falling behind, the WebSocket close code. Null for an ordinary lost connection.
 */
export function describeDisconnect(notice: ClosingNotice | null, details: unknown): string | null {
  if (notice) return notice.message;
  // Socket.IO passes the transport's close event, with the WebSocket close code, as `details.context`.
  const context = typeof details === "object" && details !== null && "context" in details ? details.context : undefined;
  const code = typeof context === "object" && context !== null && "code" in context ? context.code : undefined;
  return code === TOO_FAR_BEHIND_CLOSE_CODE ? TOO_FAR_BEHIND : null;
}
