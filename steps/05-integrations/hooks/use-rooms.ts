"use client";

import { useRouter } from "next/navigation";
import { useEffect, useReducer, useRef } from "react";
import { DEFAULT_ROOM_ID, type RoomActivity, type RoomRequest, type RoomSummary } from "@/lib/protocol";
import { listRooms } from "@/lib/room-client";
import { initialRoomsState, roomsReducer, type RoomsState } from "@/lib/rooms-reducer";
import { getSocket } from "@/lib/socket";

/**
 * The rooms this person may see and their unread counts, kept in step with the server. `roomId` is the page's
 * room: its count stays at zero. When the page's room is taken away (left in another tab), it opens general.
 */
export function useRooms(roomId: string | null, connected: boolean): RoomsState {
  const router = useRouter();
  const [state, dispatch] = useReducer(roomsReducer, initialRoomsState);
  const roomIdRef = useRef(roomId);
  useEffect(() => {
    roomIdRef.current = roomId;
    if (roomId !== null) dispatch({ type: "read", roomId });
  }, [roomId]);

  useEffect(() => {
    const socket = getSocket();
    const leaveIfOpen = (roomId: string) => {
      if (roomId === roomIdRef.current) router.replace(`/rooms/${DEFAULT_ROOM_ID}`);
    };
    function onRoomUpdated(room: RoomSummary) {
      dispatch({ type: "updated", room });
      if (!room.member) leaveIfOpen(room.id); // a public room this person left
    }
    function onRoomRemoved({ roomId: removed }: RoomRequest) {
      dispatch({ type: "removed", roomId: removed });
      leaveIfOpen(removed);
    }
    function onRoomActivity({ roomId: active, mentioned }: RoomActivity) {
      if (active !== roomIdRef.current) dispatch({ type: "activity", roomId: active, mentioned });
    }
    socket.on("room updated", onRoomUpdated);
    socket.on("room removed", onRoomRemoved);
    socket.on("room activity", onRoomActivity);
    return () => {
      socket.off("room updated", onRoomUpdated);
      socket.off("room removed", onRoomRemoved);
      socket.off("room activity", onRoomActivity);
    };
  }, [router]);

  // The list, on every (re)connection: what changed while the connection was down is in it.
  useEffect(() => {
    if (!connected) return;
    let current = true;
    void listRooms().then((result) => {
      if (current && result.ok) dispatch({ type: "listed", rooms: result.rooms });
    });
    return () => {
      current = false;
    };
  }, [connected]);

  return state;
}
