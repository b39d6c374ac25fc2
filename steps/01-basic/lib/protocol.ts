// The chat's contract: the events and payloads that travel over Socket.IO, imported by the server and the
// browser alike so both sides are checked by the same types. docs/protocol.md describes it in words.

/** Longest message text the server accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

export interface ChatMessage {
  id: string;
  text: string;
  /** Server time in milliseconds since the epoch. */
  sentAt: number;
}

export type ChatErrorCode =
  | "invalid_payload" // not a string, or not the shape the event expects
  | "empty_message"
  | "message_too_long"
  | "rate_limited"
  | "unknown_event"
  | "server_error";

export interface ChatError {
  code: ChatErrorCode;
  message: string;
}

export type SendResult = { ok: true; message: ChatMessage } | { ok: false; error: ChatError };

export interface PresenceUpdate {
  /** Sockets connected right now. */
  online: number;
}

/**
 * Why the server ended a connection, sent in "closing" just before it does:
 * "too_many_refusals": it kept sending what the server refuses.
 */
export type CloseReason = "too_many_refusals";

export interface ClosingNotice {
  reason: CloseReason;
  /** A sentence for people. */
  message: string;
}

/**
 * The WebSocket close code (4000–4999 belong to the application) of a connection the server dropped because it had
 * fallen too far behind reading what was sent to it: a "closing" event could not overtake the backlog, so the
 * reason travels in the close frame. Its client sees "transport close" and reconnects.
 */
export const TOO_FAR_BEHIND_CLOSE_CODE = 4000;

export interface ClientToServerEvents {
  /** Sends a message's text; the server builds the message, broadcasts it to everyone and answers with the result. */
  "chat message": (text: string, ack: (result: SendResult) => void) => void;
}

export interface ServerToClientEvents {
  /** The server is about to end this connection, and why; the disconnect ("io server disconnect") follows. */
  closing: (notice: ClosingNotice) => void;
  /** A message, sent to every connected client including its sender. */
  "chat message": (message: ChatMessage) => void;
  /**
   * The online count, sent to a client when it connects; and in a crowd (above the server's
   * PRESENCE_ANNOUNCE_MAX_ONLINE), to everyone at most once per PRESENCE_BATCH_INTERVAL_MS instead of the two below.
   */
  presence: (update: PresenceUpdate) => void;
  /** Somebody else connected, in a small crowd. */
  "user joined": (update: PresenceUpdate) => void;
  /** Somebody else disconnected, in a small crowd. */
  "user left": (update: PresenceUpdate) => void;
}

// Events between server processes (step 07) and per-socket data (step 02 stores the user here).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SocketData {}
