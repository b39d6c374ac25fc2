// The three servers a level is measured against, each in its own process so its CPU and memory are its own:
// the stage's production server (the target), the same chat handler on bare Socket.IO, and the raw `ws` floor.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Stage } from "../../scripts/stages";
import { ManagedServer } from "../../tests/support/managed-server";
import { childrenOf, commandLine } from "../measure/proc";
import { compileProgram } from "../targets/compile";
import { onInterrupt, track, trackPid } from "./children";

export const TARGET_KINDS = ["target", "socketio", "ws"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_LABELS: Record<TargetKind, string> = {
  target: "step (Next + Socket.IO)",
  socketio: "bare Socket.IO",
  ws: "raw ws",
};

export interface RunningServer {
  kind: TargetKind;
  url: string;
  /** Undefined for an app the benchmark did not start (--url): its CPU and memory are not measured. */
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** An app somebody else runs, e.g. your own work in progress (`npm run bench -- --url http://localhost:3000`). */
export function externalTarget(url: string): RunningServer {
  return { kind: "target", url, pid: undefined, stop: () => Promise.resolve() };
}

const READY_TIMEOUT_MS = 30_000;

/** The stage's own server as the tests run it (tests/support): `node dist/server.js`, production, one process. */
export async function startTarget(stage: Stage, url: string, env: Record<string, string>): Promise<RunningServer> {
  const server = new ManagedServer(stage.dir, url, env);
  const forgetStop = onInterrupt(() => server.stop());
  await server.start();
  // ManagedServer keeps its child to itself: find it among this process's children by its command line.
  const entry = `${stage.dir}/dist/server.js`;
  const pid = childrenOf(process.pid).find((child) => commandLine(child).endsWith(entry));
  if (pid === undefined) {
    await server.stop();
    throw new Error(`started ${entry} but cannot find its process`);
  }
  const forgetPid = trackPid(pid);
  return {
    kind: "target",
    url,
    pid,
    stop: async () => {
      await server.stop();
      forgetPid();
      forgetStop();
    },
  };
}

const BASELINE_SOURCES: Record<Exclude<TargetKind, "target">, string> = {
  socketio: fileURLToPath(new URL("../targets/socketio-baseline.ts", import.meta.url)),
  ws: fileURLToPath(new URL("../targets/ws-baseline.ts", import.meta.url)),
};

const compiled = new Map<string, string>();

/** A baseline server compiled to plain JavaScript and run with bare node, answering on `port` (localhost). */
export async function startBaseline(
  kind: Exclude<TargetKind, "target">,
  stage: Stage,
  port: number,
  /** The target's environment: a baseline running the stage's handler checks sessions against the same data. */
  targetEnv: Record<string, string>,
): Promise<RunningServer> {
  const source = BASELINE_SOURCES[kind];
  const program = compiled.get(source) ?? compileProgram(source);
  compiled.set(source, program);

  const child = track(
    spawn(
      process.execPath,
      [program, "--port", String(port), ...(kind === "socketio" ? ["--stage-dir", stage.dir] : [])],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, ...targetEnv, PORT: String(port), NODE_ENV: "production" },
      },
    ),
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill("SIGTERM");
    });

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} baseline not ready within ${READY_TIMEOUT_MS} ms:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = () => {
      if (!output.includes("ready:")) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve();
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} baseline exited with ${code}:\n${output}`));
    });
  });
  if (child.pid === undefined) throw new Error(`${kind} baseline has no pid`);
  return { kind, url: `http://localhost:${port}`, pid: child.pid, stop };
}
