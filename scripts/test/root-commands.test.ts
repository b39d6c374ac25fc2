// The root commands a new user types first: they must do what the README says, or refuse clearly.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, portIsFree } from "../../tests/support/free-port";
import { REPO_ROOT } from "../stages";

function npm(args: string[]) {
  const result = spawnSync("npm", args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start", () => {
  it("refuses a stage that does not exist, naming the ones that do, and builds nothing", () => {
    const { status, output } = npm(["start", "--silent", "--", "nope"]);
    assert.equal(status, 1);
    assert.match(output, /No stage "nope"\. Stages: template, 01-basic, /);
    assert.doesNotMatch(output, /Building/);
  });
});

describe("npm run dev", () => {
  it("refuses a stage that does not exist", () => {
    const { status, output } = npm(["run", "dev", "--silent", "--", "nope"]);
    assert.equal(status, 1);
    assert.match(output, /No stage "nope"/);
  });
});

describe("npm start -- template, stopped with SIGTERM", () => {
  it("stops the server with it and ends quietly with exit 0", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/stage.ts", "start", "template"], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    while (!output.includes("> Ready on")) {
      if (child.exitCode !== null) assert.fail(`npm start ended before the server was ready:\n${output}`);
      await sleep(200);
    }
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.doesNotMatch(output, /failed|was stopped/);
    assert.equal(await portIsFree(port, "127.0.0.1"), true, "the server still listens after npm start has ended");
  });
});

describe("npm start on a busy port", () => {
  it("says so at once, before building", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = spawnSync("npm", ["start", "--silent", "--", "01"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, PORT: String(port) },
      });
      assert.equal(result.status, 1);
      const output = `${result.stdout}${result.stderr}`;
      assert.match(output, new RegExp(`✗ Port ${port} is already in use: .*set PORT`));
      assert.doesNotMatch(output, /Building/);
    } finally {
      blocker.close();
    }
  });
});
