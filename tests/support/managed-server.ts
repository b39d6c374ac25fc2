import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** A stage's compiled production server (`node dist/server.js`), which the tests can stop and start again. */
export class ManagedServer {
  private child: ChildProcess | undefined;
  private output = "";

  constructor(
    private readonly stageDir: string,
    readonly url: string,
    private readonly env: Record<string, string>,
  ) {}

  async start() {
    if (this.child && this.child.exitCode === null) return;
    const entry = path.join(this.stageDir, "dist", "server.js");
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the stage first (npm run build).`);
    this.output = "";
    const child = spawn(process.execPath, [entry], {
      cwd: this.stageDir,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child = child;
    await this.waitUntilServing(child);
  }

  async stop() {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }

  /** What the server printed, for failure messages. */
  get log() {
    return this.output;
  }

  private async waitUntilServing(child: ChildProcess) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(this.url, { redirect: "manual" });
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server did not answer ${this.url} within 30 s:\n${this.output}`);
  }
}
