import type { ChatItem } from "./chat-state";
import {
  PRESENCE_LIST_MAX,
  type ChatMessage,
  type ChatUser,
  type PresenceBatch,
  type PresenceChange,
  type PresenceSnapshot,
} from "./protocol";

/** Oldest lines are dropped past this many per room, so a long session does not grow without bound. */
export const MAX_ITEMS = 500;

export interface ChatState {
  /** Each room's lines as this page has seen them, by room id: switching back shows them again. */
  logs: Record<string, ChatItem[]>;
  online: number | null;
  users: ChatUser[];
  /** Source of unique keys for notices. */
  nextNotice: number;
}

export type ChatAction =
  | { type: "sending"; roomId: string; key: string; author: ChatUser; text: string; at: number }
  | { type: "sent"; roomId: string; key: string; message: ChatMessage }
  | { type: "failed"; roomId: string; key: string; error: string }
  | { type: "received"; message: ChatMessage }
  | ({ type: "presence" } & PresenceSnapshot)
  | ({ type: "presence update" } & PresenceBatch)
  /** `roomId`: the room open when it happened, where the notice is shown (none while no room is open). */
  | ({ type: "user joined" | "user left"; roomId: string | null; at: number } & PresenceChange);

export const initialChatState: ChatState = { logs: {}, online: null, users: [], nextNotice: 0 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "sending": {
      const { roomId, author, text, at } = action;
      // Mentions are the server's to find: a pending message shows none until its ack brings them.
      const message = { id: "", roomId, author, text, mentions: [], sentAt: at };
      return append(state, action.roomId, { kind: "message", key: action.key, message, delivery: "pending" });
    }
    case "sent": {
      // The broadcast usually arrives after the ack; if it came first, keep that copy and drop the pending one.
      if (hasMessage(state, action.roomId, action.message.id)) {
        return setLog(
          state,
          action.roomId,
          log(state, action.roomId).filter((item) => item.key !== action.key),
        );
      }
      return updateItem(state, action.roomId, action.key, (item) => ({
        ...item,
        message: action.message,
        delivery: "sent",
      }));
    }
    case "failed":
      return updateItem(state, action.roomId, action.key, (item) => ({
        ...item,
        delivery: "failed",
        error: action.error,
      }));
    case "received": {
      const { message } = action;
      if (hasMessage(state, message.roomId, message.id)) return state;
      return append(state, message.roomId, { kind: "message", key: message.id, message, delivery: "sent" });
    }
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
      return { ...notice(state, action.roomId, `${action.user.name} joined`, action.at), online: action.online, users };
    }
    case "user left": {
      const users = state.users.filter((user) => user.id !== action.user.id);
      return { ...notice(state, action.roomId, `${action.user.name} left`, action.at), online: action.online, users };
    }
  }
}

/** The people the page lists: however long a crowd keeps changing, no more than the server would name. */
function listed(users: ChatUser[]): ChatUser[] {
  return users.length > PRESENCE_LIST_MAX ? users.slice(0, PRESENCE_LIST_MAX) : users;
}

function log(state: ChatState, roomId: string): ChatItem[] {
  return state.logs[roomId] ?? [];
}

function setLog(state: ChatState, roomId: string, items: ChatItem[]): ChatState {
  return { ...state, logs: { ...state.logs, [roomId]: items } };
}

function notice(state: ChatState, roomId: string | null, text: string, at: number): ChatState {
  if (roomId === null) return state;
  const item: ChatItem = { kind: "notice", key: `notice-${state.nextNotice}`, text, at };
  return { ...append(state, roomId, item), nextNotice: state.nextNotice + 1 };
}

function append(state: ChatState, roomId: string, item: ChatItem): ChatState {
  const items = [...log(state, roomId), item];
  return setLog(state, roomId, items.length > MAX_ITEMS ? items.slice(items.length - MAX_ITEMS) : items);
}

function hasMessage(state: ChatState, roomId: string, id: string) {
  return log(state, roomId).some((item) => item.kind === "message" && item.message.id === id);
}

function updateItem(
  state: ChatState,
  roomId: string,
  key: string,
  update: (item: Extract<ChatItem, { kind: "message" }>) => ChatItem,
): ChatState {
  return setLog(
    state,
    roomId,
    log(state, roomId).map((item) => (item.key === key && item.kind === "message" ? update(item) : item)),
  );
}
