// The chat's data contract, imported by the server and the browser alike.
// Chapter 01 adds the Socket.IO events that carry these messages.

/** Longest message text the server accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

export interface ChatMessage {
  id: string;
  text: string;
  /** Server time in milliseconds since the epoch. */
  sentAt: number;
}
