// The server seen from inside, through the Node inspector the soak starts it with (bound to loopback, on its own
// port): its heap, how long its event loop stalled and its garbage collections paused it, and CPU profiles.
import WebSocket from "ws";

export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}

/** The server's event loop over one window: what a probe's slow ack is the server's own doing. */
export interface LoopReading {
  /** Longest the event loop was blocked, in milliseconds (to within LOOP_RESOLUTION_MS). */
  stallMaxMs: number;
  gcPauses: number;
  gcMaxMs: number;
}

const LOOP_RESOLUTION_MS = 10;
const LOOP_KEY = 'Symbol.for("chat-workshop.soak-loop")';
// Runs in the server: perf_hooks' event-loop delay histogram and an observer of GC pauses, installed once.
const WATCH_LOOP = `globalThis[${LOOP_KEY}] ??= (() => {
  const { monitorEventLoopDelay, PerformanceObserver } = process.getBuiltinModule("node:perf_hooks");
  const delay = monitorEventLoopDelay({ resolution: ${LOOP_RESOLUTION_MS} });
  delay.enable();
  const gc = { pauses: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses += 1;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  return { delay, gc };
})(), undefined`;
// The histogram holds the intervals between its timer's runs: the stall is what exceeds the resolution.
const TAKE_LOOP_WINDOW = `(() => {
  const { delay, gc } = globalThis[${LOOP_KEY}];
  const reading = { stallMaxMs: Math.max(0, delay.max / 1e6 - ${LOOP_RESOLUTION_MS}), gcPauses: gc.pauses, gcMaxMs: gc.maxMs };
  delay.reset();
  Object.assign(gc, { pauses: 0, maxMs: 0 });
  return reading;
})()`;

/** A connection to a Node process's inspector. */
export class ServerInspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply.result);
      if (reply.id !== undefined) this.pending.delete(reply.id);
    });
  }

  static async connect(inspectorPort: number): Promise<ServerInspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const inspector = new ServerInspector(socket);
    await inspector.call("Runtime.evaluate", { expression: WATCH_LOOP });
    return inspector;
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`inspector: ${method} got no answer in 30 s`)), 30_000);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  private async evaluate<T>(expression: string): Promise<T> {
    const answer = (await this.call("Runtime.evaluate", { expression, returnByValue: true })) as {
      result: { value: T };
    };
    return answer.result.value;
  }

  /** The server's memory now; after a full garbage collection with `collect`, so the heap is what is kept. */
  async read(collect = false): Promise<MemoryReading> {
    if (collect) await this.call("HeapProfiler.collectGarbage");
    const { rss, heapUsed, heapTotal } = await this.evaluate<{ rss: number; heapUsed: number; heapTotal: number }>(
      "process.memoryUsage()",
    );
    return { rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal };
  }

  /** The event loop's longest stall and the GC pauses since the last call (or since connecting). */
  takeLoopWindow(): Promise<LoopReading> {
    return this.evaluate<LoopReading>(TAKE_LOOP_WINDOW);
  }

  /** Starts a CPU profile of the server (sampling every 200 µs). */
  async startProfile() {
    await this.call("Profiler.enable");
    await this.call("Profiler.setSamplingInterval", { interval: 200 });
    await this.call("Profiler.start");
  }

  /** The profile since startProfile, as a .cpuprofile file's JSON (Chrome DevTools and VS Code open it). */
  async stopProfile(): Promise<string> {
    return JSON.stringify(((await this.call("Profiler.stop")) as { profile: unknown }).profile);
  }

  close() {
    this.socket.close();
  }
}
