"use client";

import { ConnectionBadge } from "@/components/connection-badge";
import { MessageComposer } from "@/components/message-composer";
import { MessageList } from "@/components/message-list";
import { OnlineCount } from "@/components/online-count";
import { useChat } from "@/hooks/use-chat";

export function Chat() {
  const chat = useChat();

  return (
    <main className="mx-auto flex h-dvh w-full max-w-3xl flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h1 className="text-lg font-semibold tracking-tight">Chat</h1>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <OnlineCount online={chat.online} />
          <ConnectionBadge status={chat.status} transport={chat.transport} />
        </div>
      </header>
      <MessageList items={chat.items} />
      <MessageComposer status={chat.status} onSend={chat.send} />
    </main>
  );
}
