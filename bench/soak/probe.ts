// The soak's idle probe: a client that only measures how long the server takes to ack. It runs in a process of its
// own (probe-process.ts), as a real client would: in the load generator's process, the acks of 50 busy clients
// queue in front of its own, and it would time the generator as much as the server.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { track } from "../runner/children";
import { ask, connect, type Account, type SoakSocket } from "./clients";

/** Milliseconds on a clock that every process on this machine shares, so windows agree across processes. */
export const sharedNow = () => performance.timeOrigin + performance.now();

export interface ProbeWindow {
  /** Ack times in milliseconds of the pings sent in the window. */
  samples: number[];
  timeouts: number;
  refused: number;
}

export type Outcome = { ack: number } | "timeout" | "refused";

export interface Ping {
  /** sharedNow() when it was sent. */
  sentAt: number;
  outcome: Promise<Outcome>;
}

/**
 * The window of the pings sent from `from` to `to` (sharedNow), once each has its ack or has timed out. A ping counts
 * in the window it was sent in, whenever its ack comes: a stall between two windows (the full garbage collection of
 * a heap reading) counts in neither, and a ping the load delayed counts in the load's window.
 */
export async function windowOf(pings: Ping[], from: number, to: number): Promise<ProbeWindow> {
  const sent = pings.filter((ping) => ping.sentAt >= from && ping.sentAt < to);
  const window: ProbeWindow = { samples: [], timeouts: 0, refused: 0 };
  for (const outcome of await Promise.all(sent.map((ping) => ping.outcome))) {
    if (outcome === "timeout") window.timeouts += 1;
    else if (outcome === "refused") window.refused += 1;
    else window.samples.push(outcome.ack);
  }
  return window;
}

/**
 * Each of its connections has a private room of its own open and sends a short message there every `intervalMs`
 * (under the message rate limit), timing the server's ack. Nobody else is in those rooms, so the probe costs the
 * server almost nothing: its acks show how long everybody waits.
 */
export class Probe {
  private pings: Ping[] = [];
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
        () => probe.timers.push(setInterval(() => probe.ping(socket), intervalMs)),
        (intervalMs / sockets.length) * i,
      );
    });
    return probe;
  }

  private ping(socket: SoakSocket) {
    const sentAt = sharedNow();
    const outcome = ask(socket, "chat message", "probe").then((answer): Outcome => {
      if (answer.timeout) return "timeout";
      return answer.ok ? { ack: sharedNow() - sentAt } : "refused";
    });
    this.pings.push({ sentAt, outcome });
  }

  /** The pings sent from `from` to `to` (windowOf); earlier ones are forgotten. */
  take(from: number, to: number): Promise<ProbeWindow> {
    const sent = this.pings;
    this.pings = sent.filter((ping) => ping.sentAt >= to);
    return windowOf(sent, from, to);
  }

  stop() {
    this.timers.forEach(clearInterval);
    this.sockets.forEach((socket) => socket.disconnect());
  }
}

/** What the soak asks the probe's process, and what it answers (over the IPC channel, one question at a time). */
export type ProbeRequest =
  | { type: "start"; url: string; accounts: Account[]; intervalMs: number }
  | { type: "take"; from: number; to: number }
  | { type: "stop" };
export type ProbeAnswer =
  { type: "started" } | { type: "window"; window: ProbeWindow } | { type: "failed"; message: string };

const PROBE_PROCESS = fileURLToPath(new URL("probe-process.ts", import.meta.url));

/** The soak's side of a Probe running in its own process. */
export class ProbeProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(url: string, accounts: Account[], intervalMs: number): Promise<ProbeProcess> {
    const child = track(
      fork(PROBE_PROCESS, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
    const probe = new ProbeProcess(child);
    try {
      await probe.request({ type: "start", url, accounts, intervalMs });
    } catch (error) {
      child.kill();
      throw error;
    }
    return probe;
  }

  async take(from: number, to: number): Promise<ProbeWindow> {
    const answer = await this.request({ type: "take", from, to });
    if (answer.type !== "window") throw new Error(`the probe answered ${answer.type}`);
    return answer.window;
  }

  stop() {
    if (this.child.connected) this.child.send({ type: "stop" } satisfies ProbeRequest);
  }

  private request(request: ProbeRequest): Promise<ProbeAnswer> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the probe's process exited (${code}) before it answered`));
      this.child.once("exit", onExit);
      this.child.once("message", (answer: ProbeAnswer) => {
        this.child.off("exit", onExit);
        if (answer.type === "failed") reject(new Error(`the probe failed: ${answer.message}`));
        else resolve(answer);
      });
      this.child.send(request);
    });
  }
}
