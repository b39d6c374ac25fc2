import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { DEFAULT_ROOM_ID, type ChatUser, type ClientToServerEvents, type ServerToClientEvents } from "../lib/protocol";
import { createAuth, migrateAuthDatabase, type Auth } from "../server/auth";
import { createAuthRoutes } from "../server/auth-routes";
import { allowedOriginsFor } from "../server/allowed-origins";
import { createChatServer } from "../server/chat-server";
import type { Integrations } from "../server/integrations/integrations";
import type { PresenceSettings } from "../server/presence";
import { createMemoryRoomStore } from "../server/rooms/memory-room-store";
import type { RoomStore } from "../server/rooms/room-store";
import { disconnectSession } from "../server/session-sockets";
import type { ChatServer } from "../server/types";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An account registered over HTTP, with the session cookie its sign-up returned. */
export interface TestUser extends ChatUser {
  email: string;
  password: string;
  /** `name=value` of the session cookie, as a browser would send it back. */
  cookie: string;
  /** The session's token (the cookie's value before its signature). */
  token: string;
  /** The client address this person signs up and in from (see `TestServerOptions.trustedProxies`). */
  address: string;
}

export interface ClientOptions {
  /** Whose session cookie to send; without it (and without `cookie`) the client is anonymous. */
  user?: TestUser;
  /** A raw Cookie header, e.g. a forged one. */
  cookie?: string;
  /** The Origin header to send; none by default, as a program (not a browser) sends none. */
  origin?: string;
  /** Socket.IO's handshake `auth` payload: the server must ignore anything a client claims there. */
  auth?: Record<string, unknown>;
  /** connectClient only: the room it joins once connected (default general); null to join none. */
  room?: string | null;
}

export interface ChatTestServer {
  /** http://127.0.0.1:PORT, which is also the app's own origin. */
  url: string;
  io: ChatServer;
  auth: Auth;
  /** This server's own room store, fresh for each test server. */
  rooms: RoomStore;
  /** POSTs JSON to a better-auth endpoint, e.g. "/sign-in/email", from this app's own origin. */
  post: (endpoint: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
  /** Registers a new account over HTTP, the way the registration form (or the load test) does. */
  signUp: (name?: string) => Promise<TestUser>;
  /** Logs an existing account in again: a second session with its own cookie. */
  signIn: (user: TestUser) => Promise<TestUser>;
  /** A raw Socket.IO client over WebSocket, not yet connected: listen first, then call connect(). */
  createClient: (options?: ClientOptions) => TestClient;
  /**
   * Connects, resolves once admitted and in its room (general unless `room` says otherwise); without a user or
   * cookie, it signs up a new account first.
   */
  connectClient: (options?: ClientOptions) => Promise<TestClient>;
  close: () => Promise<void>;
}

export interface TestServerOptions {
  /** ALLOWED_ORIGINS, beyond the app's own origin. */
  extraOrigins?: string;
  /** The room store; a fresh in-memory one by default. */
  rooms?: RoomStore;
  /** A lower presence threshold and a shorter batch interval, to test a crowd without hundreds of people. */
  presence?: PresenceSettings;
  /**
   * TRUSTED_PROXIES: addresses whose X-Forwarded-For is believed. By default the loopback, standing in for a reverse
   * proxy: signUp() gives every person an address of their own, as real people have, so the per-address limits on
   * sign-ups and failed sign-ins apply to each of them, not to the whole test. [] to test a server without a proxy.
   */
  trustedProxies?: string[];
  /** Integrations (createIntegrations), with their incoming webhooks' route on this server; none by default. */
  integrations?: Integrations;
}

/**
 * The real chat server (the same createAuth, auth routes and createChatServer that server.ts uses) on a plain HTTP
 * server, a free port and a fresh data folder.
 */
export async function startChatTestServer(options: TestServerOptions = {}): Promise<ChatTestServer> {
  const httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "chat-02-test-"));
  const allowedOrigins = allowedOriginsFor(url, options.extraOrigins);

  const auth = createAuth(
    {
      dataDir,
      secret: randomBytes(32).toString("base64url"),
      baseURL: url,
      allowedOrigins,
      trustedProxies: options.trustedProxies ?? ["127.0.0.1"],
    },
    { onSessionEnded: (sessionId) => disconnectSession(io, sessionId) },
  );
  await migrateAuthDatabase(auth);
  const authRoutes = createAuthRoutes(auth);
  httpServer.on("request", (req, res) => {
    if (!authRoutes(req, res) && !options.integrations?.routes(req, res)) res.writeHead(404).end();
  });
  const rooms = options.rooms ?? createMemoryRoomStore();
  const io = createChatServer(httpServer, auth, allowedOrigins, rooms, options.presence, options.integrations);
  const clients: TestClient[] = [];

  async function post(endpoint: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${url}/api/auth${endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, ...headers },
      body: JSON.stringify(body),
    });
  }

  async function session(response: Response, account: Omit<TestUser, "cookie" | "token" | "id">): Promise<TestUser> {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    const { user } = (await response.json()) as { user: ChatUser };
    const cookie = sessionCookie(response);
    const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0];
    return { ...account, id: user.id, name: user.name, cookie, token };
  }

  function createClient({ user, cookie, origin, auth: handshakeAuth }: ClientOptions = {}): TestClient {
    const extraHeaders: Record<string, string> = {};
    const cookieHeader = cookie ?? user?.cookie;
    if (cookieHeader) extraHeaders.cookie = cookieHeader;
    if (origin) extraHeaders.origin = origin;
    const client: TestClient = connect(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
      extraHeaders,
      auth: handshakeAuth,
    });
    clients.push(client);
    return client;
  }

  const server: ChatTestServer = {
    url,
    io,
    auth,
    rooms,
    post,
    async signUp(name = "Tester") {
      const account = {
        name: `${name} ${randomUUID().slice(0, 6)}`,
        email: `${randomUUID()}@example.test`,
        password: `pw-${randomUUID()}`,
      };
      const address = nextTestAddress();
      return session(await post("/sign-up/email", account, { "x-forwarded-for": address }), { ...account, address });
    },
    async signIn(user) {
      const { email, password, name, address } = user;
      return session(await post("/sign-in/email", { email, password }, { "x-forwarded-for": address }), {
        email,
        password,
        name,
        address,
      });
    },
    createClient,
    async connectClient(options = {}) {
      const withIdentity = options.user || options.cookie ? options : { ...options, user: await server.signUp() };
      const client = createClient(withIdentity);
      await connected(client);
      const room = options.room === undefined ? DEFAULT_ROOM_ID : options.room;
      if (room !== null) await joined(client, room);
      return client;
    },
    async close() {
      for (const client of clients) client.disconnect();
      await io.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

let addressesGiven = 0;

/** A client address no other test person has had in this process (10.0.0.1, 10.0.0.2, …). */
export function nextTestAddress(): string {
  addressesGiven += 1;
  return `10.${(addressesGiven >> 16) & 255}.${(addressesGiven >> 8) & 255}.${addressesGiven & 255}`;
}

/** The `name=value` part of the session cookie a better-auth response set. */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session cookie in ${response.status} response`);
  return cookie.split(";")[0];
}

/** Connects `client`; resolves when admitted, rejects with the server's connect_error when refused. */
export function connected(client: TestClient): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("connect_error", reject);
    client.connect();
  });
}

/** Opens `roomId` on a connected client; rejects when the server refuses. */
export async function joined(client: TestClient, roomId: string): Promise<void> {
  const result = await client.emitWithAck("join room", { roomId });
  if (!result.ok) throw new Error(`join ${roomId}: ${result.error.code} ${result.error.message}`);
}

/** Connects `client`, expecting a refusal; resolves with the connect_error. */
export function refused(client: TestClient): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    client.once("connect", () => reject(new Error("the server admitted a client it should have refused")));
    client.once("connect_error", resolve);
    client.connect();
  });
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
