import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefusalLog } from "../server/refusal-log";

describe("createRefusalLog", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes one line per kind per interval, however many refusals came", () => {
    const lines: string[] = [];
    const log = createRefusalLog(60_000, (line) => lines.push(line));
    for (let i = 0; i < 5_000; i++) log.record("[auth] failed sign-ins");
    log.record("[chat] connections refused (unauthorized)");
    expect(lines).toEqual([]);

    vi.advanceTimersByTime(60_000);
    expect(lines).toEqual([
      "[auth] failed sign-ins: 5000 in the last 60 s",
      "[chat] connections refused (unauthorized): 1 in the last 60 s",
    ]);

    vi.advanceTimersByTime(10 * 60_000); // nothing refused, nothing written
    expect(lines).toHaveLength(2);
    log.record("[auth] failed sign-ins");
    vi.advanceTimersByTime(60_000);
    expect(lines.at(-1)).toBe("[auth] failed sign-ins: 1 in the last 60 s");
  });
});
