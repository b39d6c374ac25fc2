// The steps side by side (npm run bench:compare): per level, one table of every step's own server measured with the
// same load generator, and what each step costs over the step before it at that level.
import path from "node:path";
import type { BenchResults } from "../runner/bench-run";
import { MAX_GENERATOR_CPU_PERCENT, type GeneratorKind } from "../runner/run-record";
import { aggregate, median, rssGrowthPerClientKB, type LevelRow } from "./aggregate";
import { ms, num, pct } from "./format";
import { BUSY_MACHINE_PERCENT, busiestOtherCpu } from "./markdown";

/**
 * The options that shape what is measured: results that differ in one of them did not measure the same thing. (The
 * ramp, the quiet wait and the drain come before or after the measured window.)
 */
const SCENARIO_OPTIONS = ["rate", "warmupMs", "windowMs"] as const;

const GENERATOR_LABELS: Record<GeneratorKind, string> = {
  artillery: "Artillery (custom histogram broadcast.latency_ms)",
  crosscheck: "the cross-check generator (socket.io-client + perf_hooks)",
};

/** One step's row at one level; undefined when that step was not measured there. */
export interface StepRow {
  stage: string;
  row: LevelRow | undefined;
}

export interface StepsLayout {
  /** "#" for a standalone report, "###" to nest it under "## Steps side by side" in docs/benchmarks.md. */
  headingPrefix: string;
  /** Where each step's full results are, relative to the file this is written to (stepLinks). */
  links?: StepFiles[];
}

/** A step's results files: its JSON and, when there is one, its report. */
export interface StepFiles {
  stage: string;
  json: string;
  markdown?: string;
}

/** The files' paths relative to `fromDir`, with "/" separators: the links of a report written there. */
export function stepLinks(files: readonly StepFiles[], fromDir: string): StepFiles[] {
  const relative = (file: string) => path.relative(fromDir, file).split(path.sep).join("/");
  return files.map(({ stage, json, markdown }) => ({
    stage,
    json: relative(json),
    markdown: markdown === undefined ? undefined : relative(markdown),
  }));
}

/** Throws unless the results measured the same scenario on distinct steps, with at least one generator in common. */
export function assertComparable(results: readonly BenchResults[]): void {
  if (results.length === 0) throw new Error("nothing to compare: no results");
  const names = results.map((result) => result.stage.stage);
  if (new Set(names).size !== names.length) throw new Error(`a step is there twice: ${names.join(", ")}`);
  for (const option of SCENARIO_OPTIONS) {
    const values = results.map((result) => result.options[option]);
    if (new Set(values).size > 1) {
      const listed = results.map((result, index) => `${names[index]} ${values[index]}`).join(", ");
      throw new Error(`these results measured different scenarios (${option}: ${listed}); run them again alike`);
    }
  }
  if (comparedGenerators(results).length === 0)
    throw new Error("no load generator measured every step's own server: nothing to put side by side");
}

/** Generators that measured the step server ("target") of every result, in the usual order. */
export function comparedGenerators(results: readonly BenchResults[]): GeneratorKind[] {
  return (["artillery", "crosscheck"] as const).filter((generator) =>
    results.every((result) => result.runs.some((run) => run.target === "target" && run.generator === generator)),
  );
}

/** Every level any step was measured at, each with one row per step (in the order given). */
export function stepLevels(
  results: readonly BenchResults[],
  generator: GeneratorKind,
): { clients: number; steps: StepRow[] }[] {
  const rowsByStep = results.map((result) => ({
    stage: result.stage.stage,
    rows: aggregate(result.runs).filter((row) => row.target === "target" && row.generator === generator),
  }));
  const levels = [...new Set(rowsByStep.flatMap(({ rows }) => rows.map((row) => row.clients)))].sort((a, b) => a - b);
  return levels.map((clients) => ({
    clients,
    steps: rowsByStep.map(({ stage, rows }) => ({ stage, row: rows.find((row) => row.clients === clients) })),
  }));
}

/** A difference with its sign: +1.2, −0.4, ±0 (when it rounds to nothing). */
export function signed(value: number, digits: number, unit = ""): string {
  const magnitude = Math.abs(value).toFixed(digits);
  if (Number(magnitude) === 0) return `±0${unit}`;
  return `${value > 0 ? "+" : "−"}${magnitude}${unit}`;
}

function latencyDelta(current: number, previous: number): string {
  const difference = current - previous;
  const relative = previous > 0 ? ` (${signed((difference / previous) * 100, 0, " %")})` : "";
  return `${signed(difference, Math.abs(difference) < 10 ? 1 : 0, " ms")}${relative}`;
}

function optionalDelta(current: number | null, previous: number | null, digits: number, unit: string): string {
  return current === null || previous === null ? "–" : signed(current - previous, digits, unit);
}

function overlaps(a: [number, number] | null, b: [number, number] | null): boolean {
  return a !== null && b !== null && a[0] <= b[1] && b[0] <= a[1];
}

/** "What it costs": one step over the step before it at the same level. */
export function costLine(previous: StepRow, current: StepRow): string {
  const head = `- **${current.stage}** over ${previous.stage}:`;
  const before = previous.row;
  const after = current.row;
  if (!before?.latencyMs || !after?.latencyMs) {
    const missing = [previous, current].filter((step) => !step.row?.latencyMs).map((step) => step.stage);
    return `${head} not comparable (${missing.join(" and ")} not measured at this level)`;
  }
  const repeated = before.runs > 1 && after.runs > 1;
  const parts = [
    `p50 ${latencyDelta(after.latencyMs.p50, before.latencyMs.p50)}`,
    `p99 ${latencyDelta(after.latencyMs.p99, before.latencyMs.p99)}${
      repeated && overlaps(before.p99Range, after.p99Range) ? " (the p99 ranges overlap)" : ""
    }`,
    `server CPU ${optionalDelta(after.serverCpuPercent, before.serverCpuPercent, 0, " % of a core")}`,
    `peak RSS ${optionalDelta(after.serverRssPeakMB, before.serverRssPeakMB, 0, " MB")}`,
    `RSS / client ${optionalDelta(after.serverRssPerClientKB, before.serverRssPerClientKB, 1, " KB")}`,
  ];
  if (before.lost > 0 || after.lost > 0) parts.push(`lost ${before.lost} → ${after.lost}`);
  const invalid = [previous, current].filter((step) => !step.row?.valid).map((step) => step.stage);
  const warning = invalid.length > 0 ? ` — **invalid level** for ${invalid.join(" and ")}, read with care` : "";
  return `${head} ${parts.join(", ")}${warning}`;
}

function stepsTable(steps: readonly StepRow[]): string {
  const lines = [
    "| step | p50 ms | p95 ms | p99 ms (range) | server CPU | server peak RSS | RSS / client | delivered | other CPU | valid |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const { stage, row } of steps) {
    if (!row) {
      lines.push(`| ${stage} | – | – | – | – | – | – | not measured | – | – |`);
      continue;
    }
    const latency = row.latencyMs;
    const range = row.p99Range && row.runs > 1 ? ` (${ms(row.p99Range[0])}–${ms(row.p99Range[1])})` : "";
    lines.push(
      `| ${stage} | ${ms(latency?.p50)} | ${ms(latency?.p95)} | ${ms(latency?.p99)}${range} | ${num(row.serverCpuPercent, " %")} | ` +
        `${num(row.serverRssPeakMB, " MB")} | ${num(row.serverRssPerClientKB, " KB", 1)} | ${pct(row.delivered, row.expected)} of ${row.expected.toLocaleString("en-US")} | ` +
        `${num(row.otherCpuPercent, " %")} | ${row.valid ? "yes" : `**no** (${row.validRuns}/${row.runs})`} |`,
    );
  }
  return lines.join("\n");
}

/** Idle RSS and RSS growth per connected client (slope over all levels) of each step, with the step before's. */
function memoryTable(results: readonly BenchResults[]): string[] {
  const memory = results.map((result) => {
    const runs = result.runs.filter((run) => run.ok && run.target === "target");
    const idle = runs.map((run) => run.server.rssIdleMB).filter((value): value is number => value !== null);
    return {
      stage: result.stage.stage,
      idleMB: median(idle),
      perClientKB: rssGrowthPerClientKB(result.runs, "target"),
    };
  });
  const lines = ["| step | idle RSS | RSS growth per client | over the step before |", "|---|---:|---:|---|"];
  memory.forEach((step, index) => {
    const previous = memory[index - 1] as (typeof memory)[number] | undefined;
    const delta = previous
      ? `${optionalDelta(step.idleMB, previous.idleMB, 0, " MB")} idle, ${optionalDelta(step.perClientKB, previous.perClientKB, 1, " KB")} per client`
      : "–";
    lines.push(`| ${step.stage} | ${num(step.idleMB, " MB")} | ${num(step.perClientKB, " KB", 1)} | ${delta} |`);
  });
  return lines;
}

function scenarioLine(results: readonly BenchResults[], generators: readonly GeneratorKind[]): string {
  const { options } = results[0];
  const repeats = [...new Set(results.map((result) => result.options.repeat))].join(" / ");
  return (
    `Scenario: ${options.rate} messages/s in total, every client listening over WebSocket; ${options.warmupMs / 1000} s warm-up, ` +
    `${options.windowMs / 1000} s measured; ${repeats} repeat(s) per level; load generator: ${generators.map((generator) => GENERATOR_LABELS[generator]).join(" and ")}. ` +
    "Each step's own production server (`node dist/server.js`), no baselines, its clients prepared for the step's features as " +
    "`npm run bench` prepares them (e.g. auth: one account each; rooms: all in the room `general`). Values are medians over the repeats, p99 (range) the " +
    "range over them; CPU in % of one core over the measured window. **What it costs** is each step minus the step before at the " +
    "same level: a difference smaller than the p99 range of the repeats or than the run-to-run spread is noise on this shared machine."
  );
}

function measuredLine(results: readonly BenchResults[]): string {
  const runsAt = [...new Set(results.map((result) => result.startedAt))];
  const { machine } = results[0];
  const where = `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`;
  if (runsAt.length === 1) {
    const turns = results.length > 1 ? ", the steps taking turns within every level and repeat" : "";
    const busiest = Math.max(...results.map((result) => busiestOtherCpu(result.runs)));
    return (
      `Measured ${runsAt[0].slice(0, 16).replace("T", " ")} UTC in one run on this machine (${where})${turns}. ` +
      `Load average (1/5/15 min) ${machine.loadBefore.join(" / ")} before and ${machine.loadAfter.join(" / ")} after` +
      (busiest > BUSY_MACHINE_PERCENT
        ? `: **other work was sharing the machine** (up to ${busiest.toFixed(0)} % of a core during a measured window, see "other CPU"), and differences between the steps may be that work's.`
        : ".")
    );
  }
  const when = results.map((result) => `${result.stage.stage} ${result.startedAt.slice(0, 16).replace("T", " ")}`);
  return (
    `Measured in separate runs (${when.join(", ")} UTC) on this machine (${where}): **a drift of the machine between the runs ` +
    "is not alternated away**, so compare with care."
  );
}

export function renderStepsComparison(
  results: readonly BenchResults[],
  layout: StepsLayout = { headingPrefix: "#" },
): string {
  assertComparable(results);
  const h2 = `${layout.headingPrefix}#`;
  const generators = comparedGenerators(results);
  const out: string[] = [];
  out.push(
    `${layout.headingPrefix} Broadcast latency by step: ${results.map((result) => result.stage.stage).join(", ")}`,
  );
  out.push("", measuredLine(results), "", scenarioLine(results, generators));
  if (layout.links && layout.links.length > 0) {
    const links = layout.links.map(({ stage, json, markdown }) =>
      markdown ? `${stage}: [report](${markdown}), [JSON](${json})` : `${stage}: [JSON](${json})`,
    );
    out.push("", `Each step's full results: ${links.join(" · ")}.`);
  }

  for (const generator of generators) {
    for (const level of stepLevels(results, generator)) {
      const title = `${level.clients.toLocaleString("en-US")} clients`;
      out.push("", `${h2} ${generators.length > 1 ? `${title} (${generator})` : title}`, "");
      out.push(stepsTable(level.steps));
      if (level.steps.length > 1) {
        out.push("", "What it costs:", "");
        for (let index = 1; index < level.steps.length; index += 1)
          out.push(costLine(level.steps[index - 1], level.steps[index]));
      }
    }
  }

  out.push("", `${h2} Memory`, "");
  out.push(
    "Idle RSS: the server started, no client yet (median over the runs). Growth per client: the slope of RSS with every client " +
      "connected against the number of clients, over all levels (needs two levels or more).",
    "",
    ...memoryTable(results),
  );

  const invalid = results.flatMap((result) =>
    aggregate(result.runs)
      .filter((row) => row.target === "target" && generators.includes(row.generator) && !row.valid)
      .map((row) => ({ stage: result.stage.stage, row })),
  );
  out.push("", `${h2} Invalid levels`, "");
  if (invalid.length === 0)
    out.push(
      `None: every run had all clients connected, nothing rejected, and its load generator under ${MAX_GENERATOR_CPU_PERCENT} % of a core.`,
    );
  else {
    for (const { stage, row } of invalid)
      out.push(
        `- ${row.clients.toLocaleString("en-US")} clients, ${stage}, ${row.generator}: ${row.problems.join("; ")}`,
      );
  }
  return `${out.join("\n")}\n`;
}
