import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How to answer a request: a status (and headers), or "hang" to never answer. */
export type Reply = { status: number; headers?: Record<string, string> } | "hang";

/**
 * Stands in for Slack, Discord and any webhook endpoint: an HTTP server on the loopback that records every request
 * and answers as `reply` says (200 by default). Tests only ever send to it, never to a real provider.
 */
export async function startFakeReceiver() {
  const received: ReceivedRequest[] = [];
  const waiters: (() => void)[] = [];
  const hanging: ServerResponse[] = [];
  let connections = 0;
  let reply: (request: ReceivedRequest) => Reply = () => ({ status: 200 });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(request);
      const answer = reply(request);
      if (answer === "hang") hanging.push(res);
      else res.writeHead(answer.status, answer.headers).end("ok");
      for (const wake of waiters.splice(0)) wake();
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    port: (server.address() as AddressInfo).port,
    received,
    /** TCP connections ever opened to it, answered or not. */
    get connections() {
      return connections;
    },
    /** Requests it holds without answering. */
    get hanging() {
      return hanging.length;
    },
    answerWith(next: (request: ReceivedRequest) => Reply) {
      reply = next;
    },
    /** Resolves once `count` requests whose path starts with `prefix` have arrived, with them. */
    async waitFor(prefix: string, count = 1): Promise<ReceivedRequest[]> {
      for (;;) {
        const matching = received.filter((request) => request.path.startsWith(prefix));
        if (matching.length >= count) return matching;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeReceiver = Awaited<ReturnType<typeof startFakeReceiver>>;
