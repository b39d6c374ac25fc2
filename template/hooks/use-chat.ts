"use client";

import type { ChatView } from "@/lib/chat-state";

/**
 * The chat's state for the UI. In the template nothing is connected yet: chapter 01 replaces this hook with one
 * that talks to the server over Socket.IO, and the components stay as they are.
 */
export function useChat(): ChatView {
  return {
    status: "offline",
    transport: null,
    online: null,
    items: [],
    send: () => {},
  };
}
