import type { RoomSummary } from "./protocol";

export interface PublicRoomsState {
  /** What the list is filtered by ("" for every public room); the pages below are its answers. */
  search: string;
  /** The public rooms this person has not joined, newest first, as far as loaded; null until the first page. */
  rooms: RoomSummary[] | null;
  /** The cursor of the next page, or null when every page is loaded. */
  next: string | null;
  /** Why the last page could not be loaded, until one is. */
  error: string | null;
}

export type PublicRoomsAction =
  | { type: "searched"; search: string }
  | { type: "page"; rooms: RoomSummary[]; next: string | null; more: boolean }
  | { type: "failed"; message: string }
  | { type: "updated"; room: RoomSummary }
  | { type: "removed"; roomId: string };

export const initialPublicRoomsState: PublicRoomsState = { search: "", rooms: null, next: null, error: null };

/** Whether a room's name contains the search, in any letter case: the server's rule, for rooms it announces. */
export function matchesSearch(room: RoomSummary, search: string) {
  return room.name.toLowerCase().includes(search.toLowerCase());
}

export function publicRoomsReducer(state: PublicRoomsState, action: PublicRoomsAction): PublicRoomsState {
  switch (action.type) {
    case "searched":
      return { ...state, search: action.search, error: null };
    case "page": {
      if (!action.more) return { ...state, rooms: action.rooms, next: action.next, error: null };
      // A room announced while paging may come again in a later page: it stays where it is.
      const shown = new Set(state.rooms?.map((room) => room.id));
      return {
        ...state,
        rooms: [...(state.rooms ?? []), ...action.rooms.filter((room) => !shown.has(room.id))],
        next: action.next,
        error: null,
      };
    }
    case "failed":
      return { ...state, error: action.message };
    case "updated": {
      const { room } = action;
      if (room.kind !== "public" || state.rooms === null) return state;
      const rooms = state.rooms.filter((shown) => shown.id !== room.id);
      // Joined: it is in this person's own rooms now. New, or just left: newest first, so it goes on top.
      if (room.member || !matchesSearch(room, state.search)) return { ...state, rooms };
      return { ...state, rooms: [room, ...rooms] };
    }
    case "removed":
      return { ...state, rooms: state.rooms?.filter((room) => room.id !== action.roomId) ?? null };
  }
}
