"use client";

import { MessageComposer } from "@/components/message-composer";
import { MessageList } from "@/components/message-list";
import { RoomHeader } from "@/components/room-header";
import { useChatContext } from "@/hooks/chat-context";
import type { RoomSummary } from "@/lib/protocol";

/** One room's page: its header, its messages and the composer. `room` is what the server checked for the page. */
export function RoomView({ room: checkedRoom }: { room: RoomSummary }) {
  const { user, chat, rooms } = useChatContext();
  // The live copy from the room list, once there is one: its members change while the page is open.
  const room = rooms.rooms?.find((listed) => listed.id === checkedRoom.id) ?? checkedRoom;
  return (
    <>
      <RoomHeader room={room} me={user} />
      <MessageList items={chat.items} me={user} />
      <MessageComposer status={chat.status} roomOpen={chat.roomOpen} onSend={chat.send} />
    </>
  );
}
