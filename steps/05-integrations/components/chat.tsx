"use client";

import { useParams } from "next/navigation";
import { ConnectionBadge } from "@/components/connection-badge";
import { Drawer } from "@/components/drawer";
import { DrawerToggle } from "@/components/drawer-toggle";
import { LogOutButton } from "@/components/log-out-button";
import { OnlineCount } from "@/components/online-count";
import { OnlineUsers } from "@/components/online-users";
import { RoomSidebar } from "@/components/room-sidebar";
import { ChatContext } from "@/hooks/chat-context";
import { useChat } from "@/hooks/use-chat";
import { useDrawer } from "@/hooks/use-drawer";
import { useRooms } from "@/hooks/use-rooms";
import type { ChatUser } from "@/lib/protocol";

const PEOPLE_ICON = (
  <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="currentColor">
    <path d="M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5M1 16c0-3 2.7-5 6-5s6 2 6 5v1H1zm13.5 1v-1c0-1.6-.6-3-1.7-4.1Q13.4 11.5 14 11.5c2.8 0 5 1.7 5 4.5v1z" />
  </svg>
);

const ROOMS_ICON = (
  <svg
    aria-hidden
    viewBox="0 0 20 20"
    className="size-5"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.75"
    strokeLinecap="round"
  >
    <path d="M3 5h14M3 10h14M3 15h14" />
  </svg>
);

/**
 * The chat around every room's page (`children`): header, room list, online list, and the state they share. On
 * a phone the two lists are drawers the header opens.
 */
export function Chat({ user, children }: { user: ChatUser; children: React.ReactNode }) {
  const { id: roomId = null } = useParams<{ id?: string }>();
  const chat = useChat(user, roomId);
  const rooms = useRooms(roomId, chat.status === "connected");
  const people = useDrawer("people-drawer");
  const roomList = useDrawer("rooms-drawer");
  // On a phone the list and its counts are out of sight: the Rooms button says that something is waiting.
  const unread = Object.values(rooms.unread).reduce((total, count) => total + count, 0);

  return (
    <main className="mx-auto flex h-dvh w-full max-w-6xl flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <DrawerToggle drawer={roomList} label="Rooms" notice={unread > 0 ? `${unread} unread` : undefined}>
            {ROOMS_ICON}
          </DrawerToggle>
          <h1 className="text-lg font-semibold tracking-tight">Chat</h1>
        </div>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <OnlineCount online={chat.online} />
          <ConnectionBadge status={chat.status} transport={chat.transport} reason={chat.closeReason} />
          <DrawerToggle drawer={people} label="People">
            {PEOPLE_ICON}
          </DrawerToggle>
        </div>
        {/* Beside the status on a wide screen, a line of its own on a phone. */}
        <div className="flex w-full min-w-0 items-center justify-between gap-3 md:w-auto">
          <p className="max-w-40 truncate text-sm" title={user.name}>
            <span className="sr-only">Signed in as </span>
            <span data-part="me">{user.name}</span>
          </p>
          <LogOutButton />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <Drawer drawer={roomList} title="Rooms" side="left">
          <RoomSidebar rooms={rooms} currentRoomId={roomId} me={user} />
        </Drawer>
        <div className="flex min-w-0 flex-1 flex-col">
          <ChatContext value={{ user, chat, rooms }}>{children}</ChatContext>
        </div>
        <Drawer drawer={people} title="People" side="right">
          <OnlineUsers users={chat.users} me={user} />
        </Drawer>
      </div>
    </main>
  );
}
