// npm run bench:compare's tables and "what it costs" lines, from a fixture whose numbers are worked out by hand.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertComparable, costLine, renderStepsComparison, signed, stepLevels } from "../report/steps";
import { runRecord, stepResults, threeSteps } from "./fixtures/step-results";

const HEADER =
  "| step | p50 ms | p95 ms | p99 ms (range) | server CPU | server peak RSS | RSS / client | delivered | other CPU | valid |";

/** The lines of the section that starts with `heading`, up to the next heading. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  assert.notEqual(start, -1, `no heading ${heading} in:\n${markdown}`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("#"));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line !== "");
}

describe("renderStepsComparison", () => {
  const markdown = renderStepsComparison(threeSteps(), {
    headingPrefix: "###",
    links: [{ stage: "01-basic", json: "a/01.json", markdown: "a/01.md" }],
  });

  it("puts the steps in order in one table per level, medians of the repeats with the p99 range", () => {
    assert.deepEqual(section(markdown, "#### 50 clients").slice(0, 5), [
      HEADER,
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
      "| 01-basic | 2.2 | 3.2 | 5.5 (5.0–6.0) | 3 % | 132 MB | 152.0 KB | 100 % of 1,000 | 0 % | yes |",
      "| 02-auth | 2.8 | 4.0 | 7.5 (7.0–8.0) | 6 % | 154 MB | 162.0 KB | 100 % of 1,000 | 0 % | yes |",
      "| 03-rooms | 2.8 | 4.2 | 7.6 (7.4–7.8) | 8 % | 170 MB | 172.0 KB | 100 % of 1,000 | 0 % | yes |",
    ]);
  });

  it("says what each step costs over the step before at that level", () => {
    assert.deepEqual(section(markdown, "#### 50 clients").slice(5), [
      "What it costs:",
      "- **02-auth** over 01-basic: p50 +0.6 ms (+27 %), p99 +2.0 ms (+36 %), server CPU +3 % of a core, peak RSS +22 MB, RSS / client +10.0 KB",
      "- **03-rooms** over 02-auth: p50 ±0 ms (±0 %), p99 +0.1 ms (+1 %) (the p99 ranges overlap), server CPU +2 % of a core, peak RSS +16 MB, RSS / client +10.0 KB",
    ]);
  });

  it("marks an invalid level in its table, in the cost line and in the list of invalid levels", () => {
    const level = section(markdown, "#### 200 clients");
    assert.deepEqual(level.slice(2, 5), [
      "| 01-basic | 5.0 | 8.0 | 11 (10–12) | 4 % | 141 MB | 60.0 KB | 100 % of 4,000 | 0 % | yes |",
      "| 02-auth | 6.0 | 10 | 15 (14–16) | 6 % | 161 MB | 70.0 KB | 100 % of 4,000 | 0 % | yes |",
      "| 03-rooms | 20 | 40 | 60 (50–70) | 10 % | 182 MB | 80.0 KB | 100 % of 4,000 | 0 % | **no** (1/2) |",
    ]);
    assert.deepEqual(level.slice(6), [
      "- **02-auth** over 01-basic: p50 +1.0 ms (+20 %), p99 +4.0 ms (+36 %), server CPU +2 % of a core, peak RSS +20 MB, RSS / client +10.0 KB",
      "- **03-rooms** over 02-auth: p50 +14 ms (+233 %), p99 +45 ms (+300 %), server CPU +4 % of a core, peak RSS +21 MB, RSS / client +10.0 KB — **invalid level** for 03-rooms, read with care",
    ]);
    assert.deepEqual(section(markdown, "#### Invalid levels"), [
      "- 200 clients, 03-rooms, crosscheck: load generator at 95 % of a core",
    ]);
  });

  it("gives each step's idle memory and growth per client (slope over the levels) against the step before", () => {
    assert.deepEqual(section(markdown, "#### Memory").slice(1), [
      "| step | idle RSS | RSS growth per client | over the step before |",
      "|---|---:|---:|---|",
      "| 01-basic | 110 MB | 20.5 KB | – |",
      "| 02-auth | 125 MB | 27.3 KB | +15 MB idle, +6.8 KB per client |",
      "| 03-rooms | 150 MB | 34.1 KB | +25 MB idle, +6.8 KB per client |",
    ]);
  });

  it("heads the section with the steps, the run, the generator and the links it was given", () => {
    const head = section(markdown, "### Broadcast latency by step: 01-basic, 02-auth, 03-rooms");
    assert.match(head[0], /^Measured 2026-12-05 10:00 UTC in one run .*the steps taking turns within every level/);
    assert.match(head[1], /10 messages\/s .*2 repeat\(s\) per level; load generator: the cross-check generator/);
    assert.equal(head[2], "Each step's full results: 01-basic: [report](a/01.md), [JSON](a/01.json).");
  });

  it("says so when other work kept the machine busy while measuring", () => {
    assert.doesNotMatch(markdown, /other work was sharing the machine/);
    const busy = threeSteps().map((results) => ({
      ...results,
      runs: results.runs.map((run) => ({ ...run, otherProcesses: { ...run.otherProcesses, cpuPercent: 150 } })),
    }));
    assert.match(
      renderStepsComparison(busy),
      /after: \*\*other work was sharing the machine\*\* \(up to 150 % of a core during a measured window/,
    );
  });

  it("warns when the steps come from separate runs", () => {
    const [first, second] = threeSteps();
    const later = { ...second, startedAt: "2026-12-06T08:30:00.000Z" };
    const text = renderStepsComparison([first, later]);
    assert.match(text, /Measured in separate runs \(01-basic 2026-12-05 10:00, 02-auth 2026-12-06 08:30 UTC\)/);
    assert.match(text, /is not alternated away/);
    assert.doesNotMatch(text, /taking turns/);
  });

  it("renders one level per generator heading when two generators measured every step", () => {
    const both = threeSteps().map((results) => ({
      ...results,
      runs: [...results.runs, ...results.runs.map((run) => ({ ...run, generator: "artillery" as const }))],
    }));
    const headings = renderStepsComparison(both)
      .split("\n")
      .filter((line) => line.startsWith("## "));
    assert.deepEqual(headings, [
      "## 50 clients (artillery)",
      "## 200 clients (artillery)",
      "## 50 clients (crosscheck)",
      "## 200 clients (crosscheck)",
      "## Memory",
      "## Invalid levels",
    ]);
  });
});

describe("costLine", () => {
  it("says a step was not measured at a level instead of inventing a difference", () => {
    const [basic, auth] = threeSteps();
    const onlyFifty = stepResults(
      "02-auth",
      auth.runs.filter((run) => run.clients === 50),
    );
    const [, level200] = stepLevels([basic, onlyFifty], "crosscheck");
    assert.equal(level200.clients, 200);
    assert.equal(level200.steps[1].row, undefined);
    assert.equal(
      costLine(level200.steps[0], level200.steps[1]),
      "- **02-auth** over 01-basic: not comparable (02-auth not measured at this level)",
    );
    assert.match(
      renderStepsComparison([basic, onlyFifty]),
      /\| 02-auth \| – \| – \| – \| – \| – \| – \| not measured \| – \| – \|/,
    );
  });

  it("shows lost messages when a step lost some", () => {
    const before = runRecord({
      clients: 50,
      repeat: 1,
      p50: 2,
      p95: 3,
      p99: 4,
      cpu: 1,
      peakMB: 100,
      perClientKB: 10,
      idleMB: 90,
      connectedMB: 95,
    });
    const after = runRecord({
      clients: 50,
      repeat: 1,
      p50: 2,
      p95: 3,
      p99: 4,
      cpu: 1,
      peakMB: 100,
      perClientKB: 10,
      idleMB: 90,
      connectedMB: 95,
    });
    if (after.delivery) {
      after.delivery.delivered -= 7;
      after.delivery.lost = 7;
    }
    const [level] = stepLevels([stepResults("01-basic", [before]), stepResults("02-auth", [after])], "crosscheck");
    assert.match(costLine(level.steps[0], level.steps[1]), /, lost 0 → 7$/);
  });
});

describe("assertComparable", () => {
  it("refuses results of different scenarios, naming the option and each step's value", () => {
    const [basic, auth] = threeSteps();
    const faster = { ...auth, options: { ...auth.options, rate: 20 } };
    assert.throws(() => assertComparable([basic, faster]), /different scenarios \(rate: 01-basic 10, 02-auth 20\)/);
  });

  it("refuses the same step twice", () => {
    const [basic] = threeSteps();
    assert.throws(() => assertComparable([basic, basic]), /a step is there twice: 01-basic, 01-basic/);
  });

  it("refuses steps that no generator measured in common", () => {
    const [basic, auth] = threeSteps();
    const artilleryOnly = { ...auth, runs: auth.runs.map((run) => ({ ...run, generator: "artillery" as const })) };
    assert.throws(() => assertComparable([basic, artilleryOnly]), /no load generator measured every step/);
  });
});

describe("signed", () => {
  it("writes the sign of a difference, and ±0 for one that rounds to nothing", () => {
    assert.equal(signed(1.25, 1, " ms"), "+1.3 ms");
    assert.equal(signed(-0.44, 1, " ms"), "−0.4 ms");
    assert.equal(signed(0.04, 1, " ms"), "±0 ms");
    assert.equal(signed(-12, 0), "−12");
  });
});
