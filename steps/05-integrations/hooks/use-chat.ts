"use client";

import { useRouter } from "next/navigation";
import type { Socket } from "socket.io-client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { chatReducer, initialChatState } from "@/lib/chat-reducer";
import type { ChatItem, ChatView, ConnectionStatus } from "@/lib/chat-state";
import type {
  ChatMessage,
  ChatUser,
  ClosingNotice,
  ConnectErrorCode,
  PresenceBatch,
  PresenceChange,
  PresenceSnapshot,
} from "@/lib/protocol";
import { joinRoom } from "@/lib/room-client";
import { getSocket } from "@/lib/socket";
import { describeDisconnect } from "./close-reason";

/** How long a sent message waits for the server's ack before it is marked as not sent. */
const ACK_TIMEOUT_MS = 10_000;

let localKeys = 0;
const NO_ITEMS: ChatItem[] = [];

/**
 * The chat's state for the UI, kept in step with the server over the page's one Socket.IO connection, as `user`,
 * in room `roomId` (the page's; null where there is none). When the server refuses or ends the connection because
 * the session is gone, it opens the log-in page.
 */
export function useChat(user: ChatUser, roomId: string | null): ChatView {
  const router = useRouter();
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [transport, setTransport] = useState<string | null>(null);
  const [closeReason, setCloseReason] = useState<string | null>(null);
  /** The room the server has open on this connection, as far as this page knows. */
  const [openRoomId, setOpenRoomId] = useState<string | null>(null);
  // For the listeners, registered once: where a notice goes is the room open when it arrives.
  const roomIdRef = useRef(roomId);
  useEffect(() => {
    roomIdRef.current = roomId;
  }, [roomId]);

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
    function onDisconnect(reason: Socket.DisconnectReason, details?: unknown) {
      setTransport(null);
      setCloseReason(describeDisconnect(closing, details));
      const sentAway = closing?.reason === "too_many_refusals";
      closing = null;
      setOpenRoomId(null); // a new connection has no room open until it joins again
      // Other than for refusals, the server ends a connection only when its session has ended (signed out, revoked
      // or expired): the person signs in again.
      if (reason === "io server disconnect" && !sentAway) router.replace("/login");
      // `active` means the client will try again by itself; otherwise the server sent it away.
      setStatus(socket.active ? "reconnecting" : "offline");
    }
    function onConnectError(error: Error) {
      if (!socket.active) setStatus("offline");
      if (error.message === ("unauthorized" satisfies ConnectErrorCode)) router.replace("/login");
    }
    function onMessage(message: ChatMessage) {
      dispatch({ type: "received", message });
    }
    function onPresence(snapshot: PresenceSnapshot) {
      dispatch({ type: "presence", ...snapshot });
    }
    function onPresenceUpdate(batch: PresenceBatch) {
      dispatch({ type: "presence update", ...batch });
    }
    function onUserJoined(change: PresenceChange) {
      dispatch({ type: "user joined", roomId: roomIdRef.current, at: Date.now(), ...change });
    }
    function onUserLeft(change: PresenceChange) {
      dispatch({ type: "user left", roomId: roomIdRef.current, at: Date.now(), ...change });
    }

    socket.on("connect", onConnect);
    socket.on("closing", onClosing);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.on("chat message", onMessage);
    socket.on("presence", onPresence);
    socket.on("presence update", onPresenceUpdate);
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
      socket.off("presence update", onPresenceUpdate);
      socket.off("user joined", onUserJoined);
      socket.off("user left", onUserLeft);
      socket.io.engine?.off("upgrade", onUpgrade);
    };
  }, [router]);

  // Opens the page's room on the connection, and again after every reconnection (a new connection has none).
  const connected = status === "connected";
  useEffect(() => {
    if (!connected || roomId === null) return;
    let current = true;
    void joinRoom(roomId).then((result) => {
      if (current) setOpenRoomId(result.ok ? roomId : null);
    });
    return () => {
      current = false;
    };
  }, [connected, roomId]);

  const send = useCallback(
    (text: string) => {
      if (roomId === null) return;
      const key = `local-${++localKeys}`;
      dispatch({ type: "sending", roomId, key, author: user, text, at: Date.now() });
      getSocket()
        .timeout(ACK_TIMEOUT_MS)
        .emit("chat message", text, (timedOut, result) => {
          if (timedOut) dispatch({ type: "failed", roomId, key, error: "the server did not answer" });
          else if (result.ok) dispatch({ type: "sent", roomId, key, message: result.message });
          else dispatch({ type: "failed", roomId, key, error: result.error.message });
        });
    },
    [user, roomId],
  );

  const items = roomId === null ? NO_ITEMS : (state.logs[roomId] ?? NO_ITEMS);
  const roomOpen = connected && roomId !== null && openRoomId === roomId;
  return { status, transport, closeReason, online: state.online, users: state.users, items, roomOpen, send };
}
