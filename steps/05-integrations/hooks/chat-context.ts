"use client";

import { createContext, useContext } from "react";
import type { ChatView } from "@/lib/chat-state";
import type { ChatUser } from "@/lib/protocol";
import type { RoomsState } from "@/lib/rooms-reducer";

export interface ChatContextValue {
  user: ChatUser;
  chat: ChatView;
  rooms: RoomsState;
}

/** The chat's state, held by <Chat> in the rooms layout: it outlives moving from one room's page to the next. */
export const ChatContext = createContext<ChatContextValue | null>(null);

export function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error("useChatContext is for components inside <Chat>");
  return value;
}
