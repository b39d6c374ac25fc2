import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Next refuses a second dev server in one folder: `npm run dev` is running here. */
export class DevServerAlreadyRunning extends Error {}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

const STAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const READY_LINE = /> Ready on http:\/\/[^:]+:(\d+)/;

/** Starts the compiled production server (`npm run build` first) on a free port and waits until it listens. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const entry = path.join(STAGE_DIR, "dist", "server.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before \`npm test\`.`);
  return startServer([process.execPath, entry], { NODE_ENV: "production", PORT: "0", ...env });
}

/** Runs the compiled production server when it is expected not to start: how it exited and all it printed. */
export function runBuiltServerUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(STAGE_DIR, "dist", "server.js")], {
    cwd: STAGE_DIR,
    env: { ...process.env, HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    }),
  );
}

/** Starts `server.ts` the way `npm run dev` does (tsx, Next in dev mode with Turbopack) on a free port. */
export async function startDevServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const tsx = path.join(STAGE_DIR, "node_modules", ".bin", "tsx");
  const command = existsSync(tsx) ? tsx : "tsx";
  // Next's dev server needs to know its real port for hot reload, so no PORT=0 here.
  return startServer([command, "server.ts"], { NODE_ENV: "development", PORT: String(await freePort()), ...env });
}

async function startServer([command, ...args]: string[], env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(command, args, {
    cwd: STAGE_DIR,
    env: { ...process.env, HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() also ends the processes tsx starts
  });
  const port = await waitForReadyLine(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  };
}

function waitForReadyLine(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      if (/server is already running in this directory/.test(output)) {
        reject(
          new DevServerAlreadyRunning(
            "a dev server is already running in this folder (npm run dev): stop it to run this test",
          ),
        );
      } else reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killer = setTimeout(() => process.kill(-pid, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    process.kill(-pid, "SIGTERM");
  });
}

/** A TCP port that was free a moment ago, for a server whose own URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
