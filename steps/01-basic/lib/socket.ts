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
  socket ??= io({ autoConnect: false });
  return socket;
}
