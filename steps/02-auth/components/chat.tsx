"use client";

import { ConnectionBadge } from "@/components/connection-badge";
import { Drawer } from "@/components/drawer";
import { DrawerToggle } from "@/components/drawer-toggle";
import { LogOutButton } from "@/components/log-out-button";
import { MessageComposer } from "@/components/message-composer";
import { MessageList } from "@/components/message-list";
import { OnlineCount } from "@/components/online-count";
import { OnlineUsers } from "@/components/online-users";
import { useChat } from "@/hooks/use-chat";
import { useDrawer } from "@/hooks/use-drawer";
import type { ChatUser } from "@/lib/protocol";

const PEOPLE_ICON = (
  <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="currentColor">
    <path d="M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5M1 16c0-3 2.7-5 6-5s6 2 6 5v1H1zm13.5 1v-1c0-1.6-.6-3-1.7-4.1Q13.4 11.5 14 11.5c2.8 0 5 1.7 5 4.5v1z" />
  </svg>
);

/** The chat: header, messages and composer, and who is online (beside the messages, or in a drawer on a phone). */
export function Chat({ user }: { user: ChatUser }) {
  const chat = useChat(user);
  const people = useDrawer("people-drawer");

  return (
    <main className="mx-auto flex h-dvh w-full max-w-4xl flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h1 className="text-lg font-semibold tracking-tight">Chat</h1>
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
        <div className="flex min-w-0 flex-1 flex-col">
          <MessageList items={chat.items} me={user} />
          <MessageComposer status={chat.status} onSend={chat.send} />
        </div>
        <Drawer drawer={people} title="People" side="right">
          <OnlineUsers users={chat.users} me={user} />
        </Drawer>
      </div>
    </main>
  );
}
