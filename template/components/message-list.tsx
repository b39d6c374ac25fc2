"use client";

import { useLayoutEffect, useRef } from "react";
import type { ChatItem } from "@/lib/chat-state";

/** How close to the bottom (px) still counts as "reading the latest", so new lines scroll into view. */
const STICK_TO_BOTTOM_PX = 80;

export function MessageList({ items }: { items: ChatItem[] }) {
  const listRef = useRef<HTMLDivElement>(null);
  const wasAtBottom = useRef(true);

  // Before paint, so a new line never flashes above the fold first.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && wasAtBottom.current) list.scrollTop = list.scrollHeight;
  }, [items]);

  function rememberScrollPosition() {
    const list = listRef.current;
    if (!list) return;
    wasAtBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < STICK_TO_BOTTOM_PX;
  }

  return (
    <div
      ref={listRef}
      onScroll={rememberScrollPosition}
      role="log"
      aria-label="Messages"
      className="flex flex-1 flex-col overflow-y-auto px-4 py-4"
    >
      {items.length === 0 && (
        <p className="m-auto text-sm text-zinc-600 dark:text-zinc-400">No messages yet. Say hello!</p>
      )}
      <ol className="flex flex-col gap-2">
        {items.map((item) =>
          item.kind === "notice" ? <Notice key={item.key} item={item} /> : <Message key={item.key} item={item} />,
        )}
      </ol>
    </div>
  );
}

function Notice({ item }: { item: Extract<ChatItem, { kind: "notice" }> }) {
  return (
    <li data-kind="notice" className="self-center text-xs text-zinc-600 dark:text-zinc-400">
      {item.text}
    </li>
  );
}

function Message({ item }: { item: Extract<ChatItem, { kind: "message" }> }) {
  const time = new Date(item.message.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <li
      data-kind="message"
      data-delivery={item.delivery}
      className={`max-w-[80%] self-start rounded-2xl wrap-anywhere bg-zinc-100 px-3 py-2 dark:bg-zinc-800 ${item.delivery === "pending" ? "opacity-60" : ""}`}
    >
      <p dir="auto" className="whitespace-pre-wrap" data-part="text">
        {item.message.text}
      </p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {item.delivery === "pending" && "Sending…"}
        {item.delivery === "sent" && <time dateTime={new Date(item.message.sentAt).toISOString()}>{time}</time>}
        {item.delivery === "failed" && <span className="text-red-600 dark:text-red-400">Not sent: {item.error}</span>}
      </p>
    </li>
  );
}
