// Runs a whole benchmark: build the stage (or stages), prepare its users, then for every level and repeat measure the
// target and the baselines one after the other (A B C A B C …) so slow drifts of this shared machine hit all of them
// alike.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { banner } from "../../scripts/run";
import { findStage, type Stage } from "../../scripts/stages";
import { freePort } from "../../tests/support/free-port";
import { testServerEnv } from "../../tests/support/server-env";
import { MachineSampler } from "../measure/machine";
import { readProcess } from "../measure/proc";
import { ProcessSampler } from "../measure/sampler";
import { preparationsFor } from "../prepare/features";
import { RECEIVER_ORIGIN_VARIABLE } from "../prepare/integrations";
import type { VirtualUser } from "../prepare/feature-preparation";
import { assertLoopback } from "../scenario/loopback";
import { sendersFor, type ScenarioParams } from "../scenario/params";
import { runArtillery, type GeneratorResult } from "./artillery";
import { ensureBuilt } from "./build";
import { installCleanup } from "./children";
import { runCrosscheck } from "./crosscheck";
import { SLOW_RECEIVER_DELAY_MS, startSlowReceiver } from "./slow-receiver";
import type { BenchOptions } from "./options";
import { buildRecord, failedRecord, type GeneratorKind, type RunRecord } from "./run-record";
import {
  externalTarget,
  startBaseline,
  startTarget,
  TARGET_LABELS,
  type RunningServer,
  type TargetKind,
} from "./servers";

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  /** 1, 5 and 15 minute load averages (other agents share this machine). */
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchResults {
  schema: 1;
  stage: { stage: string; title: string; relativeDir: string; features: string[] };
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  options: Omit<BenchOptions, "outDir" | "build" | "step">;
  notes: string[];
  runs: RunRecord[];
}

const ACK_TIMEOUT_MS = 10_000;
/** Artillery alone needs ≈7 s to start; a run that exceeds its own phases by this much is killed. */
const GENERATOR_STARTUP_ALLOWANCE_MS = 60_000;
const SETTLE_BEFORE_IDLE_RSS_MS = 1_000;
/** A server that will not start (e.g. another process is rebuilding the stage in this shared checkout) is retried. */
const SERVER_START_ATTEMPTS = 3;
const SERVER_RETRY_PAUSE_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const load = os.loadavg().map((value) => Math.round(value * 100) / 100);
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadBefore: load,
    loadAfter: load,
  };
}

/** Features a server's clients are prepared for: the stage's handler has them all, the raw ws floor only chat. */
function featuresFor(kind: TargetKind, stage: Stage): string[] {
  return kind === "ws" ? ["chat"] : stage.features;
}

/** Runs every feature's user preparation (e.g. sign-ups) once, against the target, for the largest level. */
async function prepareUsers(
  stage: Stage,
  count: number,
  start: () => Promise<RunningServer>,
): Promise<Record<string, string>[]> {
  const preparations = preparationsFor(stage.features).filter((preparation) => preparation.prepareUsers);
  if (preparations.length === 0) return [];
  banner(`Preparing ${count} users of ${stage.stage} for ${stage.features.join(", ")}`);
  const users: VirtualUser[] = Array.from({ length: count }, (_, index) => ({ index, headers: {} }));
  const server = await start();
  try {
    for (const preparation of preparations) {
      await preparation.prepareUsers?.(
        { url: server.url, log: (line) => console.log(`  ${stage.stage}: ${line}`) },
        users,
      );
    }
  } finally {
    await server.stop();
  }
  return users.map((user) => user.headers);
}

function describe(record: RunRecord): string {
  if (!record.ok) return `FAILED: ${record.problems.join("; ")}`;
  const latency = record.latencyMs;
  const delivery = record.delivery;
  const parts = [
    latency ? `p50 ${latency.p50.toFixed(1)}  p99 ${latency.p99.toFixed(1)}  max ${latency.max.toFixed(0)} ms` : "",
    delivery
      ? `${((delivery.delivered / Math.max(1, delivery.expected)) * 100).toFixed(2)} % of ${delivery.expected} delivered`
      : "",
    `server ${record.server.cpuPercent?.toFixed(0) ?? "?"} % CPU ${record.server.rssPeakMB?.toFixed(0) ?? "?"} MB`,
    `generator ${record.loadGenerator.cpuPercent?.toFixed(0) ?? "?"} % CPU`,
    `others ${record.otherProcesses.cpuPercent?.toFixed(0) ?? "?"} %`,
  ];
  const flag = record.valid ? "" : `  INVALID: ${record.problems.join("; ")}`;
  return `${parts.join(" · ")} (${record.durationSeconds.toFixed(0)} s)${flag}`;
}

async function startWithRetries(start: () => Promise<RunningServer>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= SERVER_START_ATTEMPTS)
        throw new Error(`the server did not start (${attempt} attempts): ${message.slice(0, 500)}`);
      console.log(
        `\n  the server did not start (${message.split("\n").slice(-2).join(" ").slice(0, 200)}); trying again in ${SERVER_RETRY_PAUSE_MS / 1000} s`,
      );
      await sleep(SERVER_RETRY_PAUSE_MS);
    }
  }
}

/** One stage of a run: its server's address and data, its prepared clients, and what was measured so far. */
interface StageSession {
  stage: Stage;
  targetEnv: Record<string, string>;
  targetUrl: string;
  accountHeaders: Record<string, string>[];
  notes: string[];
  runs: RunRecord[];
  startServer: (kind: TargetKind) => Promise<RunningServer>;
}

/**
 * Runs the whole benchmark. `onRun` gets the results so far after every run, so a long run that is interrupted
 * still leaves its numbers behind.
 */
export async function runBenchmark(
  options: BenchOptions,
  onRun?: (partial: BenchResults) => void,
): Promise<BenchResults> {
  const [results] = await runBenchmarks(options, [options.step], (partial) => onRun?.(partial[0]));
  return results;
}

/**
 * Runs the benchmark for several stages in one go (bench:compare), one results record per stage. Within every level
 * and repeat the stages take turns (01 02 03 01 02 03 …), like the servers within a stage, so drifts of this shared
 * machine hit every stage alike. Each stage's clients are prepared once, before the first level.
 */
export async function runBenchmarks(
  options: BenchOptions,
  steps: readonly string[],
  onRun?: (partial: BenchResults[]) => void,
): Promise<BenchResults[]> {
  const stages = steps.map(findStage);
  const names = stages.map((stage) => stage.stage);
  if (stages.length === 0) throw new Error("no stage to measure");
  if (new Set(names).size !== names.length) throw new Error(`a stage is named twice: ${names.join(", ")}`);
  // Refuses early, before building anything, if a feature is not supported yet.
  for (const stage of stages) preparationsFor(stage.features);
  const external = options.url?.replace(/\/$/, "");
  if (external && stages.length > 1) throw new Error("--url measures one app: name one stage");
  installCleanup();
  const startedAt = new Date();
  const machine = machineInfo();
  if (external) {
    assertLoopback(external);
    try {
      await fetch(external, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    } catch {
      throw new Error(
        `Nothing answers at ${external}. Start your app first (npm start / npm run dev in your project).`,
      );
    }
  } else {
    for (const stage of stages) await ensureBuilt(stage, options.build);
  }

  // Step 05 on: the measured room forwards every message to a webhook on this slow receiver (bench/prepare/integrations.ts).
  const receiver = stages.some((stage) => stage.features.includes("integrations")) ? await startSlowReceiver() : null;
  if (receiver) process.env[RECEIVER_ORIGIN_VARIABLE] = receiver.origin; // the load generators inherit it

  const sessions: StageSession[] = [];
  for (const stage of stages) {
    const targetPort = await freePort();
    const targetEnv = testServerEnv(targetPort);
    if (receiver && stage.features.includes("integrations")) targetEnv[RECEIVER_ORIGIN_VARIABLE] = receiver.origin;
    const targetUrl = external ?? `http://localhost:${targetPort}`;
    assertLoopback(targetUrl);
    sessions.push({
      stage,
      targetEnv,
      targetUrl,
      accountHeaders: [],
      notes: [],
      runs: [],
      startServer: async (kind) => {
        if (kind !== "target") return startBaseline(kind, stage, await freePort(), targetEnv);
        return external ? externalTarget(external) : startTarget(stage, targetUrl, targetEnv);
      },
    });
  }
  const workRoot = mkdtempSync(path.join(os.tmpdir(), "chat-bench-"));
  const assemble = (session: StageSession): BenchResults => ({
    schema: 1,
    stage: {
      stage: session.stage.stage,
      title: session.stage.title,
      relativeDir: session.stage.relativeDir,
      features: session.stage.features,
    },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAfter: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    options: {
      clients: options.clients,
      rate: options.rate,
      repeat: options.repeat,
      targets: options.targets,
      generators: options.generators,
      rampRate: options.rampRate,
      quietMs: options.quietMs,
      warmupMs: options.warmupMs,
      windowMs: options.windowMs,
      drainMs: options.drainMs,
    },
    notes: session.notes,
    runs: session.runs,
  });

  try {
    // Sign-ups hash one password at a time per server: the stages prepare side by side, so two of them use both cores.
    const prepared = await Promise.allSettled(
      sessions.map(async (session) => {
        const { stage, notes } = session;
        if (external) {
          notes.push(
            `Target: ${external}, an app this run did not start, measured as a ${stage.stage} stage; its CPU and memory are not measured (its CPU counts under other CPU).`,
          );
        }
        if (stages.length > 1) {
          notes.push(
            `Measured in one run with ${names.filter((name) => name !== stage.stage).join(", ")} (npm run bench:compare): within every level and repeat the stages took turns.`,
          );
        }
        // Accounts live in the target's data folder; the bare Socket.IO baseline runs the stage's handler on the same
        // data, so its clients use the same session cookies. The raw ws floor has no accounts.
        session.accountHeaders = options.targets.some((kind) => kind !== "ws")
          ? await prepareUsers(stage, Math.max(...options.clients), () => session.startServer("target"))
          : [];
        if (session.accountHeaders.length > 0) {
          notes.push(
            `Every client of the step and of bare Socket.IO signed up first and connected with its own session cookie (${stage.features.join(", ")}).`,
          );
        }
      }),
    );
    const failed = prepared.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;

    const pairs = options.targets.flatMap((target) =>
      options.generators
        .filter((generator) => !options.skip?.(target, generator))
        .map((generator) => ({ target, generator })),
    );
    const total = options.clients.length * options.repeat * sessions.length * pairs.length;
    banner(
      `Benchmark ${stages.map((stage) => stage.relativeDir).join(", ")}: ${options.clients.join(", ")} clients × ${options.repeat} repeats × ` +
        `${options.targets.join("/")} × ${options.generators.join("/")} = ${total} runs, ${options.rate} msg/s, ` +
        `${options.windowMs / 1000} s measured each (load average now ${machine.loadBefore.join(" ")})`,
    );

    let index = 0;
    for (const clients of options.clients) {
      banner(`Level: ${clients} clients`);
      for (let repeat = 1; repeat <= options.repeat; repeat += 1) {
        for (const session of sessions) {
          const { stage } = session;
          for (const { target, generator } of pairs) {
            index += 1;
            const workDir = path.join(workRoot, `${stage.stage}-${clients}-${repeat}-${target}-${generator}`);
            mkdirSync(workDir);
            const label =
              `  [${String(index).padStart(String(total).length)}/${total}] ${clients} clients · run ${repeat}/${options.repeat} · ` +
              `${sessions.length > 1 ? `${stage.stage.padEnd(Math.max(...names.map((name) => name.length)))} · ` : ""}` +
              `${TARGET_LABELS[target].padEnd(23)} · ${generator.padEnd(10)}`;
            if (process.stdout.isTTY) process.stdout.write(`${label} …\r`);
            const runStartedAt = Date.now();
            const record = await measureOnce({
              stage,
              clients,
              repeat,
              target,
              generator,
              options,
              workDir,
              headersByClient: target === "ws" ? [] : session.accountHeaders,
              // The stage's handler checks Origin against the app's own address, wherever the socket server runs.
              origin: target === "ws" ? undefined : session.targetUrl,
              start: () => startWithRetries(() => session.startServer(target)),
            }).catch((error: unknown) =>
              failedRecord({
                clients,
                repeat,
                target,
                generator,
                startedAt: runStartedAt,
                error: error instanceof Error ? error.message : String(error),
              }),
            );
            session.runs.push(record);
            onRun?.(sessions.map(assemble));
            console.log(`${process.stdout.isTTY ? "\u001b[2K" : ""}${label} ${describe(record)}`);
          }
        }
      }
    }
    for (const session of receiver ? sessions : []) {
      if (!session.stage.features.includes("integrations")) continue;
      session.notes.push(
        `The measured room was connected to a signed webhook whose receiver answered each request after ${SLOW_RECEIVER_DELAY_MS / 1000} s (the bare Socket.IO baseline runs without it); ${receiver?.received()} deliveries reached it in all.`,
      );
    }
  } finally {
    await receiver?.close();
    rmSync(workRoot, { recursive: true, force: true });
    for (const session of sessions) rmSync(session.targetEnv.DATA_DIR, { recursive: true, force: true });
  }

  return sessions.map(assemble);
}

async function measureOnce(input: {
  stage: Stage;
  clients: number;
  repeat: number;
  target: TargetKind;
  generator: GeneratorKind;
  options: BenchOptions;
  workDir: string;
  headersByClient: Record<string, string>[];
  origin: string | undefined;
  start: () => Promise<RunningServer>;
}): Promise<RunRecord> {
  const { clients, options, stage, target } = input;
  const rampSeconds = Math.max(1, Math.ceil(clients / options.rampRate));
  const params: ScenarioParams = {
    clients,
    rate: options.rate,
    senders: sendersFor(clients, options.rate),
    rampRate: clients / rampSeconds,
    quietMs: options.quietMs,
    warmupMs: options.warmupMs,
    windowMs: options.windowMs,
    drainMs: options.drainMs,
    connectDeadlineMs: rampSeconds * 1000 + 30_000,
    ackTimeoutMs: ACK_TIMEOUT_MS,
    features: featuresFor(target, stage),
  };
  const timeoutMs =
    params.connectDeadlineMs +
    30_000 +
    params.warmupMs +
    params.windowMs +
    params.drainMs +
    ACK_TIMEOUT_MS +
    GENERATOR_STARTUP_ALLOWANCE_MS;

  const startedAt = Date.now();
  const server = await input.start();
  try {
    assertLoopback(server.url);
    const loadAverage = Math.round(os.loadavg()[0] * 100) / 100;
    const serverPid = server.pid;
    const serverSampler = new ProcessSampler(() => (serverPid === undefined ? [] : [serverPid])).start();
    const machineSampler = new MachineSampler().start();
    await sleep(SETTLE_BEFORE_IDLE_RSS_MS);
    const rssIdleBytes = serverPid === undefined ? null : (readProcess(serverPid)?.rssBytes ?? null);
    const origin = input.origin ?? server.url;
    const common = {
      url: server.url,
      origin,
      params,
      headersByClient: input.headersByClient,
      workDir: input.workDir,
      timeoutMs,
    };
    const result: GeneratorResult =
      input.generator === "artillery" ? await runArtillery({ ...common, rampSeconds }) : await runCrosscheck(common);
    const serverAlive = serverPid === undefined || readProcess(serverPid) !== undefined;
    const serverSamples = serverSampler.stop();
    const machineSamples = machineSampler.stop();
    if (!serverAlive) result.errors.push("the server exited during the run");
    return buildRecord({
      clients,
      repeat: input.repeat,
      target,
      generator: input.generator,
      result,
      serverSamples,
      machineSamples,
      loadAverage,
      rssIdleBytes,
      startedAt,
    });
  } finally {
    await server.stop();
  }
}
