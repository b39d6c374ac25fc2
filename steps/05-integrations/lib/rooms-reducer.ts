import type { RoomSummary } from "./protocol";

export interface RoomsState {
  /** The rooms this person is a member of, in the server's order; null until the server has listed them. */
  rooms: RoomSummary[] | null;
  /** Messages that arrived in each room while this page did not have it open. */
  unread: Record<string, number>;
  /** The rooms where one of those messages mentions this person. */
  mentioned: Record<string, boolean>;
}

export type RoomsAction =
  | { type: "listed"; rooms: RoomSummary[] }
  | { type: "updated"; room: RoomSummary }
  | { type: "removed"; roomId: string }
  | { type: "activity"; roomId: string; mentioned?: boolean }
  | { type: "read"; roomId: string };

export const initialRoomsState: RoomsState = { rooms: null, unread: {}, mentioned: {} };

export function roomsReducer(state: RoomsState, action: RoomsAction): RoomsState {
  switch (action.type) {
    case "listed":
      return { ...state, rooms: action.rooms };
    case "updated": {
      // Not (or no longer) a member: a public room created by someone else, or one this person left.
      if (!action.room.member) return roomsReducer(state, { type: "removed", roomId: action.room.id });
      const rooms = state.rooms ?? [];
      const known = rooms.some((room) => room.id === action.room.id);
      return {
        ...state,
        rooms: known ? rooms.map((room) => (room.id === action.room.id ? action.room : room)) : [...rooms, action.room],
      };
    }
    case "removed": {
      const unread = { ...state.unread };
      const mentioned = { ...state.mentioned };
      delete unread[action.roomId];
      delete mentioned[action.roomId];
      return { rooms: state.rooms?.filter((room) => room.id !== action.roomId) ?? null, unread, mentioned };
    }
    case "activity":
      return {
        ...state,
        unread: { ...state.unread, [action.roomId]: (state.unread[action.roomId] ?? 0) + 1 },
        mentioned: action.mentioned ? { ...state.mentioned, [action.roomId]: true } : state.mentioned,
      };
    case "read":
      if (!state.unread[action.roomId] && !state.mentioned[action.roomId]) return state;
      return {
        ...state,
        unread: { ...state.unread, [action.roomId]: 0 },
        mentioned: { ...state.mentioned, [action.roomId]: false },
      };
  }
}
