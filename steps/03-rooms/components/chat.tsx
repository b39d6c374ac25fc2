"use client";

import { useParams } from "next/navigation";
import { ConnectionBadge } from "@/components/connection-badge";
import { LogOutButton } from "@/components/log-out-button";
import { OnlineCount } from "@/components/online-count";
import { OnlineUsers } from "@/components/online-users";
import { RoomSidebar } from "@/components/room-sidebar";
import { ChatContext } from "@/hooks/chat-context";
import { useChat } from "@/hooks/use-chat";
import { useRooms } from "@/hooks/use-rooms";
import type { ChatUser } from "@/lib/protocol";

/** The chat around every room's page (`children`): header, room list, online list, and the state they share. */
export function Chat({ user, children }: { user: ChatUser; children: React.ReactNode }) {
  const { id: roomId = null } = useParams<{ id?: string }>();
  const chat = useChat(user, roomId);
  const rooms = useRooms(roomId, chat.status === "connected");

  return (
    <main className="mx-auto flex h-dvh w-full max-w-6xl flex-col">
      <header className="flex items-center justify-between gap-4 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h1 className="text-lg font-semibold tracking-tight">Chat</h1>
        <div className="flex items-center gap-3">
          <OnlineCount online={chat.online} />
          <ConnectionBadge status={chat.status} transport={chat.transport} reason={chat.closeReason} />
          <p className="max-w-40 truncate text-sm" title={user.name}>
            <span className="sr-only">Signed in as </span>
            <span data-part="me">{user.name}</span>
          </p>
          <LogOutButton />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <RoomSidebar rooms={rooms} currentRoomId={roomId} me={user} />
        <div className="flex min-w-0 flex-1 flex-col">
          <ChatContext value={{ user, chat, rooms }}>{children}</ChatContext>
        </div>
        <OnlineUsers users={chat.users} me={user} />
      </div>
    </main>
  );
}
