"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { RoomRequest, RoomSummary } from "@/lib/protocol";
import { initialPublicRoomsState, publicRoomsReducer, type PublicRoomsState } from "@/lib/public-rooms-reducer";
import { browseRooms } from "@/lib/room-client";
import { getSocket } from "@/lib/socket";

/** How long typing must pause before the search goes to the server: one request per word, not per key. */
const SEARCH_DELAY_MS = 250;

export interface PublicRooms extends PublicRoomsState {
  /** Shows the first page of the rooms whose name contains `text` ("" for all), once typing pauses. */
  searchFor: (text: string) => void;
  /** Adds the next page to the list. */
  showMore: () => void;
}

/**
 * The public rooms this person could join, a page at a time, kept in step with the server: the first page on
 * every (re)connection, new rooms as they are announced, joined rooms taken off.
 */
export function usePublicRooms(): PublicRooms {
  const [state, dispatch] = useReducer(publicRoomsReducer, initialPublicRoomsState);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  // Only the answer to the latest request counts: an older search's answer may arrive after a newer one's.
  const latestRequest = useRef(0);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = useCallback(async (search: string, cursor: string | null) => {
    const requestNumber = ++latestRequest.current;
    const result = await browseRooms(search, cursor);
    if (requestNumber !== latestRequest.current) return;
    if (result.ok) dispatch({ type: "page", rooms: result.rooms, next: result.next, more: cursor !== null });
    else dispatch({ type: "failed", message: result.error.message });
  }, []);

  useEffect(() => {
    const socket = getSocket();
    const firstPage = () => void load(stateRef.current.search, null);
    const onRoomUpdated = (room: RoomSummary) => dispatch({ type: "updated", room });
    const onRoomRemoved = ({ roomId }: RoomRequest) => dispatch({ type: "removed", roomId });
    if (socket.connected) firstPage();
    socket.on("connect", firstPage);
    socket.on("room updated", onRoomUpdated);
    socket.on("room removed", onRoomRemoved);
    return () => {
      clearTimeout(searchTimer.current);
      socket.off("connect", firstPage);
      socket.off("room updated", onRoomUpdated);
      socket.off("room removed", onRoomRemoved);
    };
  }, [load]);

  const searchFor = useCallback(
    (text: string) => {
      const search = text.trim();
      clearTimeout(searchTimer.current);
      if (search === stateRef.current.search) return;
      searchTimer.current = setTimeout(() => {
        dispatch({ type: "searched", search });
        void load(search, null);
      }, SEARCH_DELAY_MS);
    },
    [load],
  );

  const showMore = useCallback(() => {
    const { search, next } = stateRef.current;
    if (next !== null) void load(search, next);
  }, [load]);

  return { ...state, searchFor, showMore };
}
