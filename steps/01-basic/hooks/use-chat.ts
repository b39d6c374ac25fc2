"use client";

import type { Socket } from "socket.io-client";
import { useCallback, useEffect, useReducer, useState } from "react";
import { chatReducer, initialChatState } from "@/lib/chat-reducer";
import type { ChatView, ConnectionStatus } from "@/lib/chat-state";
import type { ChatMessage, ClosingNotice, PresenceUpdate } from "@/lib/protocol";
import { getSocket } from "@/lib/socket";
import { describeDisconnect } from "./close-reason";

/** How long a sent message waits for the server's ack before it is marked as not sent. */
const ACK_TIMEOUT_MS = 10_000;

let localKeys = 0;

/** The chat's state for the UI, kept in step with the server over the page's one Socket.IO connection. */
export function useChat(): ChatView {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [transport, setTransport] = useState<string | null>(null);
  const [closeReason, setCloseReason] = useState<string | null>(null);

  useEffect(() => {
    const socket = getSocket();
    const onUpgrade = (upgraded: { name: string }) => setTransport(upgraded.name);
    /** What the server said in "closing", until the disconnect it announced. */
    let closing: ClosingNotice | null = null;

    function onConnect() {
      setStatus("connected");
      const engine = socket.io.engine;
      setTransport(engine.transport.name);
      engine.off("upgrade", onUpgrade).on("upgrade", onUpgrade);
    }
    function onClosing(notice: ClosingNotice) {
      closing = notice;
    }
    function onDisconnect(_reason: Socket.DisconnectReason, details?: unknown) {
      setTransport(null);
      setCloseReason(describeDisconnect(closing, details));
      closing = null;
      // `active` means the client will try again by itself; otherwise the server sent it away.
      setStatus(socket.active ? "reconnecting" : "offline");
    }
    function onConnectError() {
      if (!socket.active) setStatus("offline");
    }
    function onMessage(message: ChatMessage) {
      dispatch({ type: "received", message });
    }
    function onPresence({ online }: PresenceUpdate) {
      dispatch({ type: "presence", online });
    }
    function onUserJoined({ online }: PresenceUpdate) {
      dispatch({ type: "notice", text: "Someone joined", at: Date.now(), online });
    }
    function onUserLeft({ online }: PresenceUpdate) {
      dispatch({ type: "notice", text: "Someone left", at: Date.now(), online });
    }

    socket.on("connect", onConnect);
    socket.on("closing", onClosing);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.on("chat message", onMessage);
    socket.on("presence", onPresence);
    socket.on("user joined", onUserJoined);
    socket.on("user left", onUserLeft);
    if (socket.connected) onConnect();
    else socket.connect();

    return () => {
      socket.off("connect", onConnect);
      socket.off("closing", onClosing);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.off("chat message", onMessage);
      socket.off("presence", onPresence);
      socket.off("user joined", onUserJoined);
      socket.off("user left", onUserLeft);
      socket.io.engine?.off("upgrade", onUpgrade);
    };
  }, []);

  const send = useCallback((text: string) => {
    const key = `local-${++localKeys}`;
    dispatch({ type: "sending", key, text, at: Date.now() });
    getSocket()
      .timeout(ACK_TIMEOUT_MS)
      .emit("chat message", text, (timedOut, result) => {
        if (timedOut) dispatch({ type: "failed", key, error: "the server did not answer" });
        else if (result.ok) dispatch({ type: "sent", key, message: result.message });
        else dispatch({ type: "failed", key, error: result.error.message });
      });
  }, []);

  return { status, transport, closeReason, online: state.online, items: state.items, send };
}
