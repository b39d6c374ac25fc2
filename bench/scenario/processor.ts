// Artillery processor for broadcast.yml. Artillery's Socket.IO engine opens each virtual user's socket; this
// function step then hands the socket to the shared BroadcastRun, which waits for the whole crowd, sends, times
// every broadcast into Artillery's custom histogram `broadcast.latency_ms` and counts deliveries into custom
// counters. All virtual users live in one Artillery worker (the runner sets WORKERS=1), so they share the run.
import type { EventEmitter } from "node:events";
import { writeFileSync } from "node:fs";
import { preparationsFor, prepareConnectedSocket } from "../prepare/features";
import type { BenchSocket } from "./bench-socket";
import { BroadcastRun, type EnlistResult } from "./broadcast-run";
import { parseScenarioParams } from "./params";

/** The parts of an Artillery Socket.IO virtual user's context this processor reads. */
interface ArtilleryContext {
  vars: Record<string, unknown>;
  /** The engine's sockets by namespace; "" is the default namespace, connected before the first step. */
  sockets?: Record<string, unknown>;
}

export const LATENCY_HISTOGRAM = "broadcast.latency_ms";

let run: BroadcastRun | undefined;

function stringVar(context: ArtilleryContext, name: string): string | undefined {
  const value = context.vars[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function emitCounters(events: EventEmitter, { index, counts, summary }: EnlistResult) {
  events.emit("counter", "broadcast.delivered", counts.delivered);
  events.emit("counter", "broadcast.expected", counts.expected);
  events.emit("counter", "broadcast.duplicates", counts.duplicates);
  events.emit("counter", "broadcast.out_of_order", counts.outOfOrder);
  events.emit("counter", "broadcast.unexpected", counts.unexpected);
  if (index !== 0) return;
  // Once per run: what the senders saw.
  events.emit("counter", "broadcast.receivers", summary.receivers);
  events.emit("counter", "broadcast.sent", summary.sends.sent);
  events.emit("counter", "broadcast.accepted", summary.sends.accepted);
  events.emit("counter", "broadcast.rejected", summary.sends.rejected);
  events.emit("counter", "broadcast.ack_timeouts", summary.sends.ackTimeouts);
}

/** The flow's only step: take part in the broadcast run until it is over. */
export async function measureBroadcast(context: ArtilleryContext, events: EventEmitter): Promise<void> {
  const paramsJson = stringVar(context, "benchParams");
  if (!paramsJson) throw new Error("benchParams variable missing: run the scenario through `npm run bench`");
  const params = parseScenarioParams(paramsJson);
  const preparations = preparationsFor(params.features);
  run ??= new BroadcastRun(params);

  const socket = context.sockets?.[""] as BenchSocket | undefined;
  if (!socket?.connected) throw new Error("the Socket.IO engine gave this virtual user no connected socket");
  await prepareConnectedSocket(preparations, socket);

  const result = await run.enlist(socket, {
    record: (latencyMs) => events.emit("histogram", LATENCY_HISTOGRAM, latencyMs),
  });
  emitCounters(events, result);

  // The runner lines its CPU and memory samples up with the run's phases: write them where it looks.
  const summaryPath = stringVar(context, "benchSummaryPath");
  if (result.index === 0 && summaryPath) writeFileSync(summaryPath, JSON.stringify(result.summary, null, 2));
}
