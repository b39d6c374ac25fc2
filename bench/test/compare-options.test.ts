// npm run bench:compare's options: the step servers only, the cross-check unless told otherwise, and a clear refusal of
// what does not apply.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listStages } from "../../scripts/stages";
import { parseCompareOptions } from "../runner/compare-options";

const OUT = "/tmp/bench-results";

describe("parseCompareOptions", () => {
  it("measures only the step servers, with the cross-check by default, at the levels asked", () => {
    const options = parseCompareOptions(["--steps", "01,02,03", "--clients", "50,200", "--repeat", "1"], OUT);
    assert.equal(options.kind, "run");
    if (options.kind !== "run") return;
    assert.deepEqual(options.steps, ["01", "02", "03"]);
    assert.deepEqual(options.bench.targets, ["target"]);
    assert.deepEqual(options.bench.generators, ["crosscheck"]);
    assert.deepEqual(options.bench.clients, [50, 200]);
    assert.equal(options.bench.repeat, 1);
    assert.equal(options.bench.outDir, OUT);
    assert.equal(options.updateDocs, false);
  });

  it("takes the generators it is given, and --update-docs", () => {
    const options = parseCompareOptions(["--generators=artillery,crosscheck", "--update-docs", "--steps=02,03"], OUT);
    assert.equal(options.kind, "run");
    if (options.kind !== "run") return;
    assert.deepEqual(options.bench.generators, ["artillery", "crosscheck"]);
    assert.deepEqual(options.steps, ["02", "03"]);
    assert.equal(options.updateDocs, true);
  });

  it("compares every step (not the template) when no --steps is given", () => {
    const options = parseCompareOptions([], OUT);
    assert.equal(options.kind, "run");
    if (options.kind !== "run") return;
    const steps = listStages()
      .filter((stage) => stage.relativeDir.startsWith("steps/"))
      .map((stage) => stage.stage);
    assert.ok(steps.length >= 3);
    assert.deepEqual(options.steps, steps);
    assert.ok(!options.steps.includes("template"));
  });

  it("refuses --step, --targets and --url", () => {
    assert.throws(() => parseCompareOptions(["--step", "01"], OUT), /--step: not for bench:compare/);
    assert.throws(() => parseCompareOptions(["--targets=socketio"], OUT), /--targets=socketio: not for bench:compare/);
    assert.throws(() => parseCompareOptions(["--url", "http://localhost:3000"], OUT), /--url: not for bench:compare/);
  });

  it("re-renders finished results with --report and takes no measuring options with it", () => {
    assert.deepEqual(parseCompareOptions(["--report", "a.json,b.json", "--update-docs"], OUT), {
      kind: "report",
      files: ["a.json", "b.json"],
      updateDocs: true,
      outDir: undefined,
    });
    assert.throws(
      () => parseCompareOptions(["--report", "a.json", "--clients", "50"], OUT),
      /--report measures nothing/,
    );
    assert.throws(() => parseCompareOptions(["--report"], OUT), /--report needs a value/);
  });

  it("passes a bad bench option on to the bench's own checks", () => {
    assert.throws(() => parseCompareOptions(["--generators", "jmeter"], OUT), /--generators: use some of/);
  });
});
