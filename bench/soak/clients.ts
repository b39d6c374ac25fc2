// The soak's clients: accounts, Socket.IO connections, an idle probe that times acks, and a connection that stops
// reading. All of them talk to the server on loopback only.
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
 * An idle client that only measures: each of its connections has a private room of its own open and sends a short
 * message there every `intervalMs` (under the message rate limit), timing the server's ack. Nobody else is in
 * those rooms, so the probe costs the server almost nothing: its acks show how long everybody waits.
 */
export class Probe {
  private samples: number[] = [];
  private timeouts = 0;
  private refused = 0;
  private timers: NodeJS.Timeout[] = [];

  private constructor(private readonly sockets: SoakSocket[]) {}

  /** One connection per account: the server limits messages per person too, so one account's tabs share a budget. */
  static async start(url: string, accounts: Account[], intervalMs: number): Promise<Probe> {
    const sockets: SoakSocket[] = [];
    for (const [i, account] of accounts.entries()) {
      const socket = await connect(url, account);
      const created = await ask(socket, "create room", { name: `Probe ${i}`, kind: "private" });
      const room = created.room as { id: string } | undefined;
      if (!room || !(await ask(socket, "join room", { roomId: room.id })).ok)
        throw new Error("the probe could not open its room");
      sockets.push(socket);
    }
    const probe = new Probe(sockets);
    sockets.forEach((socket, i) => {
      // Staggered, so the connections' messages spread over the interval.
      setTimeout(
        () => probe.timers.push(setInterval(() => void probe.ping(socket), intervalMs)),
        (intervalMs / sockets.length) * i,
      );
    });
    return probe;
  }

  private async ping(socket: SoakSocket) {
    const sentAt = performance.now();
    const answer = await ask(socket, "chat message", "probe");
    if (answer.timeout) this.timeouts += 1;
    else if (!answer.ok) this.refused += 1;
    else this.samples.push(performance.now() - sentAt);
  }

  /** The acks timed since the last call, and starts a new window. */
  takeWindow(): { samples: number[]; timeouts: number; refused: number } {
    const window = { samples: this.samples, timeouts: this.timeouts, refused: this.refused };
    this.samples = [];
    this.timeouts = 0;
    this.refused = 0;
    return window;
  }

  stop() {
    this.timers.forEach(clearInterval);
    this.sockets.forEach((socket) => socket.disconnect());
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
