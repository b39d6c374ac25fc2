import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers a request: a status (and headers), or "hang" to hold it unanswered. */
export type Reply = { status: number; headers?: Record<string, string> } | "hang";

export type FakeReceiver = Awaited<ReturnType<typeof startFakeReceiver>>;

/**
 * Stands in for Slack, Discord and webhook endpoints (feature "integrations"): an HTTP server on 127.0.0.1 in the
 * test process, which the stage's server is told about through INTEGRATIONS_TEST_ORIGIN. It records every request
 * and answers as `reply` says (200 by default). Nothing in the suite ever sends to a real provider.
 */
export async function startFakeReceiver() {
  const received: ReceivedRequest[] = [];
  const hanging: ServerResponse[] = [];
  let reply: (request: ReceivedRequest) => Reply = () => ({ status: 200 });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      received.push(request);
      const answer = reply(request);
      if (answer === "hang") hanging.push(res);
      else res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    /** http://127.0.0.1:PORT */
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The requests that arrived under `prefix` so far. */
    receivedUnder(prefix: string): ReceivedRequest[] {
      return received.filter((request) => request.path.startsWith(prefix));
    },
    answerWith(next: (request: ReceivedRequest) => Reply) {
      reply = next;
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
