// bench:smoke rebuilt a stage after the app had merely run: what the app writes is not a source.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { findStage } from "../../scripts/stages";
import { newestSourceTime } from "../runner/build";

const stage = findStage("02");
const inAnHour = new Date(Date.now() + 3_600_000);

describe("newestSourceTime", () => {
  it("ignores what the running app writes (data/, the SQLite database)", () => {
    const before = newestSourceTime(stage);
    const dataDir = path.join(stage.dir, "data", "staleness-probe");
    mkdirSync(dataDir, { recursive: true });
    try {
      const file = path.join(dataDir, "chat.db");
      writeFileSync(file, "");
      utimesSync(file, inAnHour, inAnHour);
      assert.equal(newestSourceTime(stage), before);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("sees a changed source file", () => {
    const source = path.join(stage.dir, "server.ts");
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, inAnHour, inAnHour);
      assert.equal(newestSourceTime(stage), inAnHour.getTime());
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});
