import type { ChatMessage, ChatUser } from "./protocol";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

/** A line in the message list: a chat message (maybe still on its way) or a notice such as "someone joined". */
export type ChatItem =
  | {
      kind: "message";
      key: string;
      message: ChatMessage;
      delivery: "pending" | "sent" | "failed";
      error?: string;
    }
  | { kind: "notice"; key: string; text: string; at: number };

export interface ChatView {
  status: ConnectionStatus;
  /** "websocket" or "polling" while connected, else null. */
  transport: string | null;
  /** Why the server last ended the connection, as a sentence for people; null when it has not. */
  closeReason: string | null;
  /** People connected right now, or null before the server has said. */
  online: number | null;
  /** Who they are, as far as the server listed them. */
  users: ChatUser[];
  /** The lines of the page's room. */
  items: ChatItem[];
  /** True once the server has opened the page's room on this connection: only then can messages be sent. */
  roomOpen: boolean;
  send: (text: string) => void;
}
