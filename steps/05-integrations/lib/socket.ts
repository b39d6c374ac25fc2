"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol";

export type ChatClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ChatClientSocket | undefined;

/**
 * The page's one connection, created on first use in the browser and kept for the page's lifetime. Living at
 * module scope, it survives React StrictMode running effects twice: there is never a second connection.
 */
export function getSocket(): ChatClientSocket {
  // WebSocket first, long-polling only if WebSocket fails: no polling-to-WebSocket upgrade dance (whose half-open
  // connections linger until the ping timeout when a tab closes mid-upgrade). Several server processes (step 07)
  // then need no sticky sessions, except for a client that fell back to polling.
  socket ??= io({ autoConnect: false, transports: ["websocket", "polling"], tryAllTransports: true });
  return socket;
}
