"use client";

import { memo, useLayoutEffect, useRef } from "react";
import { RichText } from "@/components/rich-text";
import type { ChatItem } from "@/lib/chat-state";
import type { ChatUser } from "@/lib/protocol";

/** How close to the bottom (px) still counts as "reading the latest", so new lines scroll into view. */
const STICK_TO_BOTTOM_PX = 80;

/** The conversation; `me`'s own messages stand on the right, in another colour, as in every chat app. */
export function MessageList({ items, me }: { items: ChatItem[]; me: ChatUser }) {
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
          item.kind === "notice" ? (
            <Notice key={item.key} item={item} />
          ) : (
            <Message key={item.key} item={item} me={me.id} />
          ),
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

/** One message; rendered again only when it changes (its delivery), not when others arrive. */
const Message = memo(function Message({ item, me }: { item: Extract<ChatItem, { kind: "message" }>; me: string }) {
  const mine = item.message.author.id === me;
  const time = new Date(item.message.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <li
      data-kind="message"
      data-delivery={item.delivery}
      data-mine={mine}
      className={`max-w-[80%] rounded-2xl wrap-anywhere px-3 py-2 ${mine ? "self-end bg-sky-100 dark:bg-sky-900" : "self-start bg-zinc-100 dark:bg-zinc-800"} ${item.delivery === "pending" ? "opacity-60" : ""}`}
    >
      <p dir="auto" className="text-xs font-medium text-zinc-600 dark:text-zinc-300" data-part="author">
        {item.message.author.name}
        {item.message.bot && (
          <>
            {" "}
            <span data-part="bot" className="rounded bg-zinc-200 px-1 uppercase dark:bg-zinc-700">
              bot
            </span>
          </>
        )}
      </p>
      <div data-part="text">
        <RichText text={item.message.text} mentions={item.message.mentions} me={me} />
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {item.delivery === "pending" && "Sending…"}
        {item.delivery === "sent" && <time dateTime={new Date(item.message.sentAt).toISOString()}>{time}</time>}
        {item.delivery === "failed" && <span className="text-red-600 dark:text-red-400">Not sent: {item.error}</span>}
      </p>
    </li>
  );
});
