// The cross-check load generator: the same scenario as the Artillery processor (the shared BroadcastRun), on plain
// socket.io-client sockets, with latencies in a perf_hooks histogram. Much lighter than Artillery, so where the two
// disagree the report says so. One process; the runner starts it and reads the JSON it writes.
//
//   node --import tsx bench/crosscheck/generator.ts --url http://localhost:3000 --params '<json>' --out result.json \
//        [--origin http://localhost:3000] [--users users.json]
import { readFileSync, writeFileSync } from "node:fs";
import { createHistogram } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { io } from "socket.io-client";
import { preparationsFor, prepareConnectedSocket } from "../prepare/features";
import type { BenchSocket } from "../scenario/bench-socket";
import { BroadcastRun, type RunSummary } from "../scenario/broadcast-run";
import { recordMicroseconds, statsFromHistogram, type LatencyStats } from "../scenario/latency";
import { assertLoopback } from "../scenario/loopback";
import { parseScenarioParams } from "../scenario/params";

export interface CrosscheckOutput {
  latency: LatencyStats | null;
  summary: RunSummary | null;
  connectErrors: number;
  firstConnectError?: string;
}

const CONNECT_TIMEOUT_MS = 10_000;

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    origin: { type: "string" },
    params: { type: "string" },
    users: { type: "string" },
    out: { type: "string" },
  },
});

function required(name: "url" | "params" | "out"): string {
  const value = values[name];
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main() {
  const url = required("url");
  const outPath = required("out");
  assertLoopback(url);
  const params = parseScenarioParams(required("params"));
  const preparations = preparationsFor(params.features);
  const headersByClient = values.users
    ? (JSON.parse(readFileSync(values.users, "utf8")) as Record<string, string>[])
    : [];

  // A hard stop in case anything hangs: the longest the scenario may legitimately take, plus a margin.
  const hardDeadlineMs =
    params.connectDeadlineMs +
    30_000 +
    params.warmupMs +
    params.windowMs +
    params.drainMs +
    params.ackTimeoutMs +
    30_000;
  setTimeout(() => {
    console.error(`cross-check generator: no result after ${hardDeadlineMs} ms, giving up`);
    process.exit(2);
  }, hardDeadlineMs).unref();

  const run = new BroadcastRun(params);
  const histogram = createHistogram();
  const sink = { record: (latencyMs: number) => recordMicroseconds(histogram, latencyMs) };
  const sockets: BenchSocket[] = [];
  let connectErrors = 0;
  let firstConnectError: string | undefined;
  let settled = 0;

  const connect = (index: number) => {
    const socket: BenchSocket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
      extraHeaders: { origin: values.origin ?? url, ...headersByClient[index] },
    });
    sockets.push(socket);
    socket.once("connect", () => {
      settled += 1;
      prepareConnectedSocket(preparations, socket)
        .then(() => run.enlist(socket, sink))
        .catch((error: unknown) => {
          connectErrors += 1;
          firstConnectError ??= error instanceof Error ? error.message : String(error);
        });
    });
    socket.once("connect_error", (error) => {
      settled += 1;
      connectErrors += 1;
      firstConnectError ??= error.message;
      socket.close();
    });
  };

  // Arrivals spread evenly at rampRate, like Artillery's arrivalCount phase.
  const rampStart = performance.now();
  for (let index = 0; index < params.clients; index += 1) {
    const wait = rampStart + (index * 1000) / params.rampRate - performance.now();
    if (wait > 1) await sleep(wait);
    connect(index);
  }

  // Every connection attempt ends (connect, error or timeout) within CONNECT_TIMEOUT_MS of its start.
  const settleBy = performance.now() + CONNECT_TIMEOUT_MS + 1_000;
  while (settled < params.clients && performance.now() < settleBy) await sleep(50);

  let summary: RunSummary | null = null;
  if (connectErrors < params.clients) summary = await run.finished;
  for (const socket of sockets) socket.close();

  const output: CrosscheckOutput = {
    latency: statsFromHistogram(histogram),
    summary,
    connectErrors,
    firstConnectError,
  };
  writeFileSync(outPath, JSON.stringify(output, null, 2));
  process.exit(summary ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
