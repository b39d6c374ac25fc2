import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

  const child = spawn(process.execPath, [entry], {
    cwd: STAGE_DIR,
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
