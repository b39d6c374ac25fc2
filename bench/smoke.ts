// npm run bench:smoke [-- --step 01] [--no-build]
// One small level (20 clients, a few seconds) through every part of the benchmark: Artillery and the cross-check
// against the stage, the cross-check against both baselines, and the report. Fails unless every message reached
// every client exactly once and every run is valid. The numbers are not kept (bench/results/*.tmp.json).
import { fileURLToPath } from "node:url";
import { banner } from "../scripts/run";
import { aggregate } from "./report/aggregate";
import { renderChart } from "./report/chart-svg";
import { renderMarkdown } from "./report/markdown";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runBenchmark } from "./runner/bench-run";
import type { RunRecord } from "./runner/run-record";
import { parseCommandLine } from "../scripts/command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: { step: { type: "string", default: "latest" }, "no-build": { type: "boolean", default: false } },
});

function failures(run: RunRecord): string[] {
  const problems = [...run.problems];
  const delivery = run.delivery;
  if (!delivery) return [...problems, "no delivery counts"];
  if (delivery.expected === 0) problems.push("no message was accepted");
  if (delivery.delivered !== delivery.expected)
    problems.push(`delivered ${delivery.delivered} of ${delivery.expected}`);
  if (delivery.duplicates > 0) problems.push(`${delivery.duplicates} duplicates`);
  if (delivery.outOfOrder > 0) problems.push(`${delivery.outOfOrder} out of order`);
  if (!run.latencyMs || run.latencyMs.count !== delivery.delivered)
    problems.push("latency samples do not match deliveries");
  return problems;
}

async function main() {
  const startedAt = Date.now();
  const results = await runBenchmark({
    step: values.step,
    clients: [20],
    rate: 10,
    repeat: 1,
    targets: ["target", "socketio", "ws"],
    generators: ["artillery", "crosscheck"],
    // Artillery alone takes ≈7 s to start: run it against the stage only, the light cross-check against everything.
    skip: (target, generator) => target !== "target" && generator === "artillery",
    rampRate: 40,
    quietMs: 500,
    warmupMs: 500,
    windowMs: 2_000,
    drainMs: 5_000,
    build: values["no-build"] ? "never" : "auto",
    outDir: undefined,
  });

  // The report must render from these results too.
  renderChart(aggregate(results.runs), "smoke");
  renderMarkdown(results, "smoke.svg");
  const scratch = fileURLToPath(new URL(`results/${results.stage.stage}-smoke.tmp.json`, import.meta.url));
  mkdirSync(path.dirname(scratch), { recursive: true }); // a fresh clone has no bench/results/ until a full run
  writeFileSync(scratch, JSON.stringify(results, null, 2));

  const failed = results.runs
    .map((run) => ({ run, problems: failures(run) }))
    .filter(({ problems }) => problems.length > 0);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  if (failed.length > 0) {
    banner(`bench:smoke FAILED in ${seconds} s`);
    for (const { run, problems } of failed) console.error(`  ${run.target} · ${run.generator}: ${problems.join("; ")}`);
    process.exit(1);
  }
  banner(
    `bench:smoke passed in ${seconds} s: ${results.runs.length} runs, every message delivered to every client once`,
  );
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
