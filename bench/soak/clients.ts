// The soak's clients: accounts, Socket.IO connections, and a connection that stops reading (the idle probe that
// times acks is in probe.ts). All of them talk to the server on loopback only.
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { addressOf, cookieHeaderFrom } from "../prepare/auth";

export const PASSWORD = "soak-password-not-secret";
const ACK_TIMEOUT_MS = 10_000;

export interface Account {
  email: string;
  cookie: string;
}

/**
 * Signs up `count` accounts, a few at a time (each sign-up hashes a password), each from a client address of its own
 * (a header value only: the server trusts the loopback as a proxy), as the sign-up limit per address expects.
 */
export async function signUpMany(url: string, count: number, prefix: string): Promise<Account[]> {
  const accounts: Account[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const email = `${prefix}-${index}@example.test`;
      const response = await fetch(`${url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url, "x-forwarded-for": addressOf(index) },
        body: JSON.stringify({ name: `Soak ${index}`, email, password: PASSWORD }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok)
        throw new Error(`sign-up ${index}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      accounts[index] = { email, cookie: cookieHeaderFrom(response.headers.getSetCookie()) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, count) }, worker));
  return accounts;
}

export type SoakSocket = Socket;

/** A connected Socket.IO client of `account`, over WebSocket like the load tests. */
export async function connect(url: string, account: Account): Promise<SoakSocket> {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: account.cookie, origin: url },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Sends an acked event; resolves with the answer, or { ok: false, timeout: true } when none came in time. */
export async function ask(
  socket: SoakSocket,
  event: string,
  payload: unknown,
): Promise<{ ok?: boolean; [key: string]: unknown }> {
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as { ok?: boolean };
  } catch {
    return { ok: false, timeout: true };
  }
}

/**
 * A client that opens general and then stops reading: its TCP socket is paused, so what the server sends it piles
 * up in the kernel's buffers and then in the server's memory, as with a phone that went into a tunnel.
 */
export async function slowConsumer(url: string, account: Account): Promise<{ close: () => void }> {
  const ws = new WebSocket(`${url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`, {
    headers: { cookie: account.cookie, origin: url },
  });
  await new Promise<void>((resolve, reject) => {
    ws.on("message", (data: Buffer) => {
      const packet = data.toString();
      if (packet.startsWith("0"))
        ws.send("40"); // Engine.IO open: connect to the default namespace
      else if (packet.startsWith("40")) ws.send('421["join room",{"roomId":"general"}]');
      else if (packet.startsWith("431"))
        resolve(); // the join's ack
      else if (packet === "2") ws.send("3"); // answer pings until it stops reading
    });
    ws.once("error", reject);
    setTimeout(() => reject(new Error("a slow consumer could not join general")), 10_000);
  });
  (ws as unknown as { _socket: { pause: () => void } })._socket.pause();
  return { close: () => ws.terminate() };
}
