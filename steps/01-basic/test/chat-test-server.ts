import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/protocol";
import { createChatServer } from "../server/chat-server";
import type { PresenceSettings } from "../server/presence";
import type { ChatServer } from "../server/types";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ChatTestServer {
  url: string;
  io: ChatServer;
  /** A raw Socket.IO client over WebSocket, not yet connected: listen first, then call connect(). */
  createClient: () => TestClient;
  /** A raw Socket.IO client over WebSocket, resolved once it is connected. */
  connectClient: () => Promise<TestClient>;
  close: () => Promise<void>;
}

/**
 * The real chat server (the same createChatServer that server.ts uses) on a plain HTTP server and a free port;
 * `presence` lowers its presence threshold and batch interval, to test a crowd without hundreds of clients.
 */
export async function startChatTestServer(presence?: PresenceSettings): Promise<ChatTestServer> {
  const httpServer = createServer();
  const io = createChatServer(httpServer, presence);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];

  function createClient(): TestClient {
    const client: TestClient = connect(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
    });
    clients.push(client);
    return client;
  }

  return {
    url,
    io,
    createClient,
    async connectClient() {
      const client = createClient();
      const connected = new Promise<void>((resolve, reject) => {
        client.once("connect", resolve);
        client.once("connect_error", reject);
      });
      client.connect();
      await connected;
      return client;
    },
    async close() {
      for (const client of clients) client.disconnect();
      await io.close();
    },
  };
}

/** Resolves with the next payload of `event` on `client`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  client: TestClient,
  event: E,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    client.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => resolve(payload)) as never);
  });
}

/** Collects every payload of `event` that `client` receives from now on. */
export function recordEvents<E extends keyof ServerToClientEvents>(client: TestClient, event: E) {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  client.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload)) as never);
  return received;
}
