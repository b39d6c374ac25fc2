import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How long the benchmark's webhook receiver takes to answer: longer than 1 s, shorter than the 5 s timeout. */
export const SLOW_RECEIVER_DELAY_MS = 3_000;

/**
 * Step 05's webhook receiver for the benchmark, on the loopback: it reads each request, answers 200 after
 * SLOW_RECEIVER_DELAY_MS and counts what arrived. A slow endpoint is the case where forwarding could hurt the chat.
 */
export async function startSlowReceiver(): Promise<{
  origin: string;
  received: () => number;
  close: () => Promise<void>;
}> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received += 1;
      setTimeout(() => res.end(), SLOW_RECEIVER_DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
