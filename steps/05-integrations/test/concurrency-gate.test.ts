import { describe, expect, it } from "vitest";
import { createConcurrencyGate } from "../server/concurrency-gate";

describe("createConcurrencyGate", () => {
  it("lets `running` through, queues `waiting` in order and refuses the rest at once", async () => {
    const gate = createConcurrencyGate({ running: 2, waiting: 1 });
    const first = await gate.enter();
    const second = await gate.enter();
    const order: string[] = [];
    const queued = gate.enter()?.then((release) => {
      order.push("queued");
      return release;
    });
    expect(queued).toBeDefined();
    expect(gate.enter()).toBeUndefined();

    first!();
    first!(); // a second release of the same slot frees nothing more
    const third = await queued!;
    expect(order).toEqual(["queued"]);
    expect(gate.enter()).toBeDefined(); // queued behind `second` and `third`
    expect(gate.enter()).toBeUndefined();
    second!();
    third();
  });
});
