import type { ChatItem } from "./chat-state";
import {
  PRESENCE_LIST_MAX,
  type ChatMessage,
  type ChatUser,
  type PresenceBatch,
  type PresenceChange,
  type PresenceSnapshot,
} from "./protocol";

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
  | ({ type: "presence update" } & PresenceBatch)
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
      return { ...state, online: action.online, users: listed(action.users) };
    case "presence update": {
      // Applying a change twice does no harm: a newcomer's snapshot may already hold what the batch reports.
      const left = new Set(action.left.map((user) => user.id));
      const stayed = state.users.filter((user) => !left.has(user.id));
      const listedAlready = new Set(stayed.map((user) => user.id));
      const users = listed([...stayed, ...action.joined.filter((user) => !listedAlready.has(user.id))]);
      return { ...state, online: action.online, users };
    }
    case "user joined": {
      const users = listed([...state.users.filter((user) => user.id !== action.user.id), action.user]);
      return { ...notice(state, `${action.user.name} joined`, action.at), online: action.online, users };
    }
    case "user left": {
      const users = state.users.filter((user) => user.id !== action.user.id);
      return { ...notice(state, `${action.user.name} left`, action.at), online: action.online, users };
    }
  }
}

/** The people the page lists: however long a crowd keeps changing, no more than the server would name. */
function listed(users: ChatUser[]): ChatUser[] {
  return users.length > PRESENCE_LIST_MAX ? users.slice(0, PRESENCE_LIST_MAX) : users;
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
