// The chat's contract: the events and payloads that travel over Socket.IO, imported by the server and the
// browser alike so both sides are checked by the same types. docs/protocol.md describes it in words.

/** Longest message text the server accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/** A signed-in person as others see them. The server takes it from the session, never from a client. */
export interface ChatUser {
  id: string;
  name: string;
}

export interface ChatMessage {
  id: string;
  /** Set by the server from the sender's session. */
  author: ChatUser;
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

/** The most people a presence snapshot or update names (the count is always exact); the browser lists no more. */
export const PRESENCE_LIST_MAX = 200;

/** Sent to a client when it connects, and to everyone when too many changed at once for a PresenceBatch. */
export interface PresenceSnapshot {
  /** People connected right now, each counted once however many tabs they have open. */
  online: number;
  /** Who they are: all of them, or the first PRESENCE_LIST_MAX when more are online. */
  users: ChatUser[];
}

/**
 * In a crowd (above the server's PRESENCE_ANNOUNCE_MAX_ONLINE), what changed since the last update, sent to everyone
 * at most once per PRESENCE_BATCH_INTERVAL_MS instead of a "user joined"/"user left" per person.
 */
export interface PresenceBatch {
  /** People online now. */
  online: number;
  /** Who came online since the last update and still is; `joined` and `left` name PRESENCE_LIST_MAX at most. */
  joined: ChatUser[];
  /** Who went offline since the last update and still is. */
  left: ChatUser[];
}

/** Somebody's first tab connected, or their last one closed. */
export interface PresenceChange {
  user: ChatUser;
  /** People online after the change. */
  online: number;
}

/**
 * Why the server refused a connection: the `message` of the client's `connect_error`. "unauthorized" means no valid
 * session came with the handshake (sign in again); "forbidden_origin" means the page's origin is not this app's.
 */
export type ConnectErrorCode = "unauthorized" | "forbidden_origin" | "server_error";

/**
 * Why the server ended a connection, sent in "closing" just before it does:
 * "session_ended": signed out, revoked or expired (sign in again);
 * "too_many_refusals": it kept sending what the server refuses.
 */
export type CloseReason = "session_ended" | "too_many_refusals";

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
  /** Who is online, sent to a client when it connects (and to everyone when a batch would name too many). */
  presence: (snapshot: PresenceSnapshot) => void;
  /** Somebody else came online (their first tab), in a small crowd. */
  "user joined": (change: PresenceChange) => void;
  /** Somebody else went offline (their last tab), in a small crowd. */
  "user left": (change: PresenceChange) => void;
  /** In a crowd: the exact count and who came and went, at most once per PRESENCE_BATCH_INTERVAL_MS. */
  "presence update": (batch: PresenceBatch) => void;
}

// Events between server processes (step 07).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** What the server knows about a connection, set once from the session during the handshake. */
export interface SocketData {
  user: ChatUser;
  /** The better-auth session the handshake's cookie belongs to; signing out disconnects its sockets. */
  sessionId: string;
  /** When that session expires, in ms since the epoch, as last read from the database; the connection ends then. */
  sessionExpiresAt: number;
}
