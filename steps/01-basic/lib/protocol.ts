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

export interface ClientToServerEvents {
  /** Sends a message's text; the server builds the message, broadcasts it to everyone and answers with the result. */
  "chat message": (text: string, ack: (result: SendResult) => void) => void;
}

export interface ServerToClientEvents {
  /** A message, sent to every connected client including its sender. */
  "chat message": (message: ChatMessage) => void;
  /** The online count, sent to a client when it connects. */
  presence: (update: PresenceUpdate) => void;
  /** Somebody else connected. */
  "user joined": (update: PresenceUpdate) => void;
  /** Somebody else disconnected. */
  "user left": (update: PresenceUpdate) => void;
}

// Events between server processes (step 07) and per-socket data (step 02 stores the user here).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SocketData {}
