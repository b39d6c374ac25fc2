import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltServerUntilExit } from "./start-server";

/** What a step with accounts needs to start at all. */
const authEnv = () => ({
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "chat-startup-")),
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
});

/** The lines a person reads, without Next's own start-up notices. */
function linesOf(output: string) {
  return output.split("\n").filter((line) => line.trim() && !/^\s*(✓ Running next\.config|▲ Next\.js)/.test(line));
}

describe("a server that cannot start", () => {
  let blocker: Server;
  let busyPort: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it("says in one line that its port is taken, names PORT, and exits non-zero", async () => {
    const { code, output } = await runBuiltServerUntilExit({ ...authEnv(), PORT: String(busyPort) });
    expect(code).toBe(1);
    expect(linesOf(output)).toEqual([
      `✗ Port ${busyPort} is already in use: stop what runs there, or set PORT (e.g. PORT=${busyPort + 1}).`,
    ]);
  });
});

describe("a configuration error", () => {
  it("in production without BETTER_AUTH_SECRET: one line that says what to set, no stack, exit 1", async () => {
    const { code, output } = await runBuiltServerUntilExit({ ...authEnv(), PORT: "0", BETTER_AUTH_SECRET: "" });
    expect(code).toBe(1);
    const lines = linesOf(output);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✗ BETTER_AUTH_SECRET is not set\..*openssl rand -base64 32/);
  });

  it("a TRUSTED_PROXIES entry that is not an address: one line that names it", async () => {
    const { code, output } = await runBuiltServerUntilExit({ ...authEnv(), PORT: "0", TRUSTED_PROXIES: "proxy.local" });
    expect(code).toBe(1);
    expect(linesOf(output)).toEqual([expect.stringMatching(/^✗ TRUSTED_PROXIES: "proxy\.local" is not an IP address/)]);
  });
});
