// The server's heap, read through the Node inspector the soak starts it with (bound to loopback, on its own port).
import WebSocket from "ws";

export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}

/** A connection to a Node process's inspector that asks it for process.memoryUsage(). */
export class ServerMemory {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply.result);
      if (reply.id !== undefined) this.pending.delete(reply.id);
    });
  }

  static async connect(inspectorPort: number): Promise<ServerMemory> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return new ServerMemory(socket);
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

  /** The server's memory now; after a full garbage collection with `collect`, so the heap is what is kept. */
  async read(collect = false): Promise<MemoryReading> {
    if (collect) await this.call("HeapProfiler.collectGarbage");
    const answer = (await this.call("Runtime.evaluate", {
      expression: "process.memoryUsage()",
      returnByValue: true,
    })) as {
      result: { value: { rss: number; heapUsed: number; heapTotal: number } };
    };
    const { rss, heapUsed, heapTotal } = answer.result.value;
    return { rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal };
  }

  close() {
    this.socket.close();
  }
}
