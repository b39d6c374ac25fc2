"use client";

import { useParams } from "next/navigation";
import { useEffect } from "react";
import { useChatContext } from "@/hooks/chat-context";

/**
 * On a room's "not found" page: when the room turns up in this person's own list (a member just invited them),
 * loads the page again, so the room opens where they already are instead of staying "not found". A full load:
 * Next keeps a not-found page on screen through router.refresh() until the URL changes.
 */
export function ShowRoomOnceMember() {
  const { rooms } = useChatContext();
  const { id } = useParams<{ id: string }>();
  const member = rooms.rooms?.some((room) => room.id === id) ?? false;
  useEffect(() => {
    // Once per room: should the server still refuse the page, the person stays here rather than in a reload loop.
    const reloadedKey = `reloaded-for-room:${id}`;
    if (!member || sessionStorage.getItem(reloadedKey)) return;
    sessionStorage.setItem(reloadedKey, "1");
    window.location.reload();
  }, [member, id]);
  return null;
}
