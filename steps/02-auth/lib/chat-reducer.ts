import type { ChatItem } from "./chat-state";
import type { ChatMessage, ChatUser, PresenceChange, PresenceSnapshot } from "./protocol";

/** Oldest lines are dropped past this many, so a long session does not grow without bound. */
export const MAX_ITEMS = 500;

export interface ChatState {
  items: ChatItem[];
  online: number | null;
  users: ChatUser[];
  /** Source of unique keys for notices. */
  nextNotice: number;
}

export type ChatAction =
  | { type: "sending"; key: string; author: ChatUser; text: string; at: number }
  | { type: "sent"; key: string; message: ChatMessage }
  | { type: "failed"; key: string; error: string }
  | { type: "received"; message: ChatMessage }
  | ({ type: "presence" } & PresenceSnapshot)
  | ({ type: "user joined" | "user left"; at: number } & PresenceChange);

export const initialChatState: ChatState = { items: [], online: null, users: [], nextNotice: 0 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "sending": {
      const message = { id: "", author: action.author, text: action.text, sentAt: action.at };
      return append(state, { kind: "message", key: action.key, message, delivery: "pending" });
    }
    case "sent": {
      // The broadcast usually arrives after the ack; if it came first, keep that copy and drop the pending one.
      if (hasMessage(state, action.message.id)) {
        return { ...state, items: state.items.filter((item) => item.key !== action.key) };
      }
      return updateItem(state, action.key, (item) => ({ ...item, message: action.message, delivery: "sent" }));
    }
    case "failed":
      return updateItem(state, action.key, (item) => ({ ...item, delivery: "failed", error: action.error }));
    case "received":
      if (hasMessage(state, action.message.id)) return state;
      return append(state, { kind: "message", key: action.message.id, message: action.message, delivery: "sent" });
    case "presence":
      return { ...state, online: action.online, users: action.users };
    case "user joined": {
      const users = [...state.users.filter((user) => user.id !== action.user.id), action.user];
      return { ...notice(state, `${action.user.name} joined`, action.at), online: action.online, users };
    }
    case "user left": {
      const users = state.users.filter((user) => user.id !== action.user.id);
      return { ...notice(state, `${action.user.name} left`, action.at), online: action.online, users };
    }
  }
}

function notice(state: ChatState, text: string, at: number): ChatState {
  const item: ChatItem = { kind: "notice", key: `notice-${state.nextNotice}`, text, at };
  return { ...append(state, item), nextNotice: state.nextNotice + 1 };
}

function append(state: ChatState, item: ChatItem): ChatState {
  const items = [...state.items, item];
  return { ...state, items: items.length > MAX_ITEMS ? items.slice(items.length - MAX_ITEMS) : items };
}

function hasMessage(state: ChatState, id: string) {
  return state.items.some((item) => item.kind === "message" && item.message.id === id);
}

function updateItem(
  state: ChatState,
  key: string,
  update: (item: Extract<ChatItem, { kind: "message" }>) => ChatItem,
): ChatState {
  return {
    ...state,
    items: state.items.map((item) => (item.key === key && item.kind === "message" ? update(item) : item)),
  };
}
