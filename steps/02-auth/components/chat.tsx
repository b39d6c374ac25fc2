"use client";

import { ConnectionBadge } from "@/components/connection-badge";
import { LogOutButton } from "@/components/log-out-button";
import { MessageComposer } from "@/components/message-composer";
import { MessageList } from "@/components/message-list";
import { OnlineCount } from "@/components/online-count";
import { OnlineUsers } from "@/components/online-users";
import { useChat } from "@/hooks/use-chat";
import type { ChatUser } from "@/lib/protocol";

export function Chat({ user }: { user: ChatUser }) {
  const chat = useChat(user);

  return (
    <main className="mx-auto flex h-dvh w-full max-w-4xl flex-col">
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
        <div className="flex min-w-0 flex-1 flex-col">
          <MessageList items={chat.items} />
          <MessageComposer status={chat.status} onSend={chat.send} />
        </div>
        <OnlineUsers users={chat.users} me={user} />
      </div>
    </main>
  );
}
