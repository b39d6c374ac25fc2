import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltServerUntilExit } from "./start-server";

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
    const { code, output } = await runBuiltServerUntilExit({ PORT: String(busyPort) });
    expect(code).toBe(1);
    expect(linesOf(output)).toEqual([
      `✗ Port ${busyPort} is already in use: stop what runs there, or set PORT (e.g. PORT=${busyPort + 1}).`,
    ]);
  });
});
