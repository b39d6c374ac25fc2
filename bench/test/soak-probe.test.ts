// The soak's probe: which acks count in a window, and its own process reporting a failure instead of hanging.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freePort } from "../../tests/support/free-port";
import { childrenOf, commandLine } from "../measure/proc";
import { ProbeProcess, windowOf, type Outcome, type Ping } from "../soak/probe";

const ping = (sentAt: number, outcome: Outcome | Promise<Outcome>): Ping => ({
  sentAt,
  outcome: Promise.resolve(outcome),
});

describe("windowOf", () => {
  it("counts a ping in the window it was sent in, however late its ack", async () => {
    const pings = [
      ping(999, { ack: 500 }), // sent before the window, delayed into it (a heap reading's full GC): not counted
      ping(1_000, { ack: 2 }),
      ping(1_500, { ack: 300 }), // sent in the window, its ack after the window ended: counted
      ping(1_999, "timeout"),
      ping(1_999.5, "refused"),
      ping(2_000, { ack: 400 }), // sent when the window ended: the next one's
    ];
    assert.deepEqual(await windowOf(pings, 1_000, 2_000), { samples: [2, 300], timeouts: 1, refused: 1 });
  });

  it("waits for the acks still on their way", async () => {
    let answer: (outcome: Outcome) => void = () => {};
    const late = new Promise<Outcome>((resolve) => (answer = resolve));
    const window = windowOf([ping(10, late)], 0, 20);
    setTimeout(() => answer({ ack: 42 }), 10);
    assert.deepEqual(await window, { samples: [42], timeouts: 0, refused: 0 });
  });
});

describe("ProbeProcess", () => {
  it("reports a probe that cannot connect, and does not leave its process behind", async () => {
    const url = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    await assert.rejects(
      ProbeProcess.start(url, [{ email: "nobody@example.test", cookie: "" }], 250),
      /the probe failed/,
    );
    const probeProcesses = () => childrenOf(process.pid).filter((pid) => commandLine(pid).includes("probe-process"));
    for (let tries = 0; probeProcesses().length > 0 && tries < 50; tries++)
      await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(probeProcesses(), []);
  });
});
