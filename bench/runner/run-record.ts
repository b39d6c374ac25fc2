// What the benchmark keeps of one run (one level, one repeat, one server, one load generator), as written to
// bench/results/<step>-<date>.json, and how it is computed from the generator's output and the process samples.
import type { RunSummary } from "../scenario/broadcast-run";
import type { LatencyStats } from "../scenario/latency";
import { machineBusyPercent, type MachineSample } from "../measure/machine";
import { cpuPercent, peakRss, rssAt, type ProcessSample } from "../measure/sampler";
import type { GeneratorResult } from "./artillery";
import type { TargetKind } from "./servers";

export const GENERATOR_KINDS = ["artillery", "crosscheck"] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];

/** A load generator busier than this (% of one core) over the measured window makes its level invalid. */
export const MAX_GENERATOR_CPU_PERCENT = 80;

export interface Delivery {
  receivers: number;
  senders: number;
  sent: number;
  accepted: number;
  rejected: number;
  ackTimeouts: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  unexpected: number;
  disconnects: number;
  drained: boolean;
}

export interface RunRecord {
  clients: number;
  repeat: number;
  target: TargetKind;
  generator: GeneratorKind;
  /** The run produced numbers (it may still be invalid). */
  ok: boolean;
  /** Numbers to trust: every client in, nothing rejected, generator not saturated. */
  valid: boolean;
  problems: string[];
  latencyMs: LatencyStats | null;
  delivery: Delivery | null;
  server: {
    /** Over the measured window, % of one core. */
    cpuPercent: number | null;
    rssIdleMB: number | null;
    /** All clients connected, before sending. */
    rssConnectedMB: number | null;
    rssPeakMB: number | null;
    /** (connected − idle) / clients. */
    rssPerClientKB: number | null;
  };
  loadGenerator: {
    cpuPercent: number | null;
    rssPeakMB: number | null;
  };
  /** The rest of this shared machine during the measured window, in % of one core. */
  otherProcesses: {
    cpuPercent: number | null;
    /** 1-minute load average when the run started. */
    loadAverage: number;
  };
  timeline: RunSummary["timeline"] | null;
  durationSeconds: number;
}

const mb = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1024 / 1024) * 10) / 10);
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function buildRecord(input: {
  clients: number;
  repeat: number;
  target: TargetKind;
  generator: GeneratorKind;
  result: GeneratorResult;
  serverSamples: ProcessSample[];
  machineSamples: MachineSample[];
  loadAverage: number;
  rssIdleBytes: number | null;
  startedAt: number;
}): RunRecord {
  const { result, serverSamples, clients } = input;
  const summary = result.summary;
  const generatorSamples = result.exit.sampler.samples;
  const problems = [...result.errors];
  const timeline = summary?.timeline ?? null;

  let delivery: Delivery | null = null;
  if (summary) {
    const { totals, sends } = summary;
    delivery = {
      receivers: summary.receivers,
      senders: summary.senders,
      sent: sends.sent,
      accepted: sends.accepted,
      rejected: sends.rejected,
      ackTimeouts: sends.ackTimeouts,
      expected: totals.expected,
      delivered: totals.delivered,
      lost: totals.expected - totals.delivered,
      duplicates: totals.duplicates,
      outOfOrder: totals.outOfOrder,
      unexpected: totals.unexpected,
      disconnects: summary.disconnects,
      drained: summary.drained,
    };
    if (summary.receivers < clients) problems.push(`only ${summary.receivers} of ${clients} clients connected in time`);
    if (sends.rejected > 0)
      problems.push(`server rejected ${sends.rejected} messages (${JSON.stringify(sends.rejectedBy)})`);
    if (sends.ackTimeouts > 0) problems.push(`${sends.ackTimeouts} acks timed out`);
    if (!summary.quietBeforeSending) problems.push("presence events never stopped before sending");
  }

  const windowStart = timeline?.windowStartAt;
  const windowEnd = timeline?.windowEndAt;
  const inWindow = (samples: ProcessSample[]) =>
    windowStart !== undefined && windowEnd !== undefined ? cpuPercent(samples, windowStart, windowEnd) : null;
  const generatorCpu = inWindow(generatorSamples);
  const serverCpu = inWindow(serverSamples);
  const machineCpu =
    windowStart !== undefined && windowEnd !== undefined
      ? machineBusyPercent(input.machineSamples, windowStart, windowEnd)
      : null;
  const otherCpu = machineCpu === null ? null : Math.max(0, machineCpu - (serverCpu ?? 0) - (generatorCpu ?? 0));
  if (generatorCpu === null) problems.push("no CPU samples of the load generator in the measured window");
  else if (generatorCpu > MAX_GENERATOR_CPU_PERCENT) {
    problems.push(`load generator at ${generatorCpu.toFixed(0)} % of a core (limit ${MAX_GENERATOR_CPU_PERCENT} %)`);
  }

  const rssConnected =
    timeline?.sendingStartedAt !== undefined ? rssAt(serverSamples, timeline.sendingStartedAt) : null;
  const rssPerClient =
    rssConnected !== null && input.rssIdleBytes !== null && summary && summary.receivers > 0
      ? (rssConnected - input.rssIdleBytes) / summary.receivers / 1024
      : null;

  const ok = result.latency !== null && delivery !== null;
  return {
    clients,
    repeat: input.repeat,
    target: input.target,
    generator: input.generator,
    ok,
    valid: ok && problems.length === 0,
    problems,
    latencyMs: result.latency,
    delivery,
    server: {
      cpuPercent: round1(serverCpu),
      rssIdleMB: mb(input.rssIdleBytes),
      rssConnectedMB: mb(rssConnected),
      rssPeakMB: mb(peakRss(serverSamples)),
      rssPerClientKB: round1(rssPerClient),
    },
    loadGenerator: { cpuPercent: round1(generatorCpu), rssPeakMB: mb(peakRss(generatorSamples)) },
    otherProcesses: { cpuPercent: round1(otherCpu), loadAverage: input.loadAverage },
    timeline,
    durationSeconds: Math.round((Date.now() - input.startedAt) / 100) / 10,
  };
}

/** A run that produced no numbers at all (e.g. its server would not start): kept, so the report shows the gap. */
export function failedRecord(input: {
  clients: number;
  repeat: number;
  target: TargetKind;
  generator: GeneratorKind;
  error: string;
  startedAt: number;
}): RunRecord {
  return {
    clients: input.clients,
    repeat: input.repeat,
    target: input.target,
    generator: input.generator,
    ok: false,
    valid: false,
    problems: [input.error],
    latencyMs: null,
    delivery: null,
    server: { cpuPercent: null, rssIdleMB: null, rssConnectedMB: null, rssPeakMB: null, rssPerClientKB: null },
    loadGenerator: { cpuPercent: null, rssPeakMB: null },
    otherProcesses: { cpuPercent: null, loadAverage: 0 },
    timeline: null,
    durationSeconds: Math.round((Date.now() - input.startedAt) / 100) / 10,
  };
}
