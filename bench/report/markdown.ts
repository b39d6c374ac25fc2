// The report in Markdown: how and where it was measured, a table per load generator, where Artillery and the
// cross-check disagree, the issue's targets with the numbers that meet or miss them, and every invalid run.
import type { BenchResults } from "../runner/bench-run";
import { MAX_GENERATOR_CPU_PERCENT, type RunRecord } from "../runner/run-record";
import { TARGET_LABELS, type TargetKind } from "../runner/servers";
import {
  aggregate,
  compareGenerators,
  DISAGREEMENT_THRESHOLD,
  median,
  rssGrowthPerClientKB,
  type LevelRow,
} from "./aggregate";
import { ms, num, pct } from "./format";

function resultsTable(rows: LevelRow[]): string {
  const lines = [
    "| clients | server | p50 ms | p95 ms | p99 ms (range) | p99.9 ms | max ms | delivered | lost | server CPU | server peak RSS | RSS / client | generator CPU | other CPU | valid |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const row of rows) {
    const latency = row.latencyMs;
    const range = row.p99Range && row.runs > 1 ? ` (${ms(row.p99Range[0])}–${ms(row.p99Range[1])})` : "";
    lines.push(
      `| ${row.clients.toLocaleString("en-US")} | ${TARGET_LABELS[row.target]} | ${ms(latency?.p50)} | ${ms(latency?.p95)} | ${ms(latency?.p99)}${range} | ${ms(latency?.p999)} | ${ms(latency?.max)} | ` +
        `${pct(row.delivered, row.expected)} of ${row.expected.toLocaleString("en-US")} | ${row.lost} | ${num(row.serverCpuPercent, " %")} | ${num(row.serverRssPeakMB, " MB")} | ` +
        `${num(row.serverRssPerClientKB, " KB", 1)} | ${num(row.generatorCpuPercent, " %")} | ${num(row.otherCpuPercent, " %")} | ${row.valid ? "yes" : `**no** (${row.validRuns}/${row.runs})`} |`,
    );
  }
  return lines.join("\n");
}

function find(rows: LevelRow[], clients: number, target: TargetKind, generator: string) {
  return rows.find((row) => row.clients === clients && row.target === target && row.generator === generator);
}

function targetsSection(rows: LevelRow[], runs: readonly RunRecord[]): string[] {
  const lines: string[] = [];
  const generators = [...new Set(rows.map((row) => row.generator))];
  const validity = (row: LevelRow) => (row.valid ? "" : " (level invalid, see below)");
  const others = (...level: LevelRow[]) => {
    const values = level.map((row) => row.otherCpuPercent).filter((value): value is number => value !== null);
    return values.length ? `; other work on the machine meanwhile: ${Math.max(...values).toFixed(0)} % of a core` : "";
  };

  lines.push("- **Step p99 within 1.15× of bare Socket.IO at 1,000 clients, same run:**");
  for (const generator of generators) {
    const step = find(rows, 1000, "target", generator);
    const bare = find(rows, 1000, "socketio", generator);
    if (!step?.latencyMs || !bare?.latencyMs) {
      lines.push(`  - ${generator}: not measured (needs 1,000 clients, target and socketio)`);
      continue;
    }
    const ratio = step.latencyMs.p99 / bare.latencyMs.p99;
    lines.push(
      `  - ${generator}: ${ms(step.latencyMs.p99)} ms vs ${ms(bare.latencyMs.p99)} ms = **${ratio.toFixed(2)}×**, ${ratio <= 1.15 ? "met" : "**not met**"}${validity(step)}${validity(bare)}${others(step, bare)}`,
    );
  }

  lines.push("- **2,000 clients with 0 lost:**");
  for (const generator of generators) {
    const step = find(rows, 2000, "target", generator);
    lines.push(
      step
        ? `  - ${generator}: ${step.lost} lost of ${step.expected.toLocaleString("en-US")} expected, ${step.lost === 0 && step.expected > 0 ? "met" : "**not met**"}${validity(step)}${others(step)}`
        : `  - ${generator}: not measured (needs 2,000 clients)`,
    );
  }

  lines.push("- **Server RSS growth per connected client (aim ≤ 40 KB):**");
  for (const target of [...new Set(rows.map((row) => row.target))]) {
    const slope = rssGrowthPerClientKB(runs, target);
    const largest = Math.max(...rows.filter((row) => row.target === target).map((row) => row.clients));
    const atLargest = rows
      .filter((row) => row.target === target && row.clients === largest)
      .map((row) => row.serverRssPerClientKB);
    const single = median(atLargest.filter((value): value is number => value !== null));
    const perClient = slope ?? single;
    if (perClient === null) continue;
    const how =
      slope !== null
        ? "slope of RSS against clients over all levels"
        : `(connected − idle) / clients at ${largest.toLocaleString("en-US")} clients, one level only`;
    const verdict = target === "target" ? (perClient <= 40 ? ", met" : ", **not met**") : "";
    lines.push(`  - ${TARGET_LABELS[target]}: ${perClient.toFixed(1)} KB per client (${how})${verdict}`);
  }
  lines.push("- **Load generators' own memory (peak RSS, largest level):**");
  const largest = Math.max(...rows.map((row) => row.clients));
  for (const generator of generators) {
    const peak = Math.max(
      ...rows
        .filter((row) => row.generator === generator && row.clients === largest)
        .map((row) => row.generatorRssPeakMB ?? 0),
    );
    lines.push(`  - ${generator}: ${peak.toFixed(0)} MB at ${largest.toLocaleString("en-US")} clients`);
  }
  return lines;
}

/** Other work above this (% of one core) during a measured window is called out at the top of a report. */
export const BUSY_MACHINE_PERCENT = 25;

/** The most CPU other work on the machine used during a measured window, in % of one core. */
export function busiestOtherCpu(runs: readonly RunRecord[]): number {
  return Math.max(0, ...runs.map((run) => run.otherProcesses.cpuPercent ?? 0));
}

function senderCounts(runs: readonly RunRecord[]): string {
  const counts = [
    ...new Set(runs.map((run) => run.delivery?.senders).filter((count): count is number => count !== undefined)),
  ].sort((a, b) => a - b);
  if (counts.length === 0) return "?";
  return counts.length === 1 ? String(counts[0]) : `${counts[0]}–${counts[counts.length - 1]}`;
}

export interface MarkdownLayout {
  /** "#" for a standalone report, "##" to nest it under a heading of docs/benchmarks.md. */
  headingPrefix: string;
  /** Link to the full report, when this is a summary placed elsewhere. */
  reportLink?: string;
}

export function renderMarkdown(
  results: BenchResults,
  chartFile: string,
  layout: MarkdownLayout = { headingPrefix: "#" },
): string {
  const rows = aggregate(results.runs);
  const { machine, options, stage } = results;
  const h2 = `${layout.headingPrefix}#`;
  const out: string[] = [];
  out.push(`${layout.headingPrefix} Broadcast latency: ${stage.stage} (${stage.title})`);
  out.push("");
  out.push(
    `Measured ${results.startedAt.slice(0, 16).replace("T", " ")} UTC on this machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}. ` +
      `Load average (1/5/15 min) ${machine.loadBefore.join(" / ")} before and ${machine.loadAfter.join(" / ")} after` +
      (busiestOtherCpu(results.runs) > BUSY_MACHINE_PERCENT
        ? `: other work was sharing the machine (up to ${busiestOtherCpu(results.runs).toFixed(0)} % of a core during a measured window, see "other CPU").`
        : "."),
  );
  out.push("");
  out.push(
    `Scenario: ${options.rate} messages/s in total from ${senderCounts(results.runs)} senders; every client listens over WebSocket; ` +
      `${options.warmupMs / 1000} s warm-up, ${options.windowMs / 1000} s measured; ${options.repeat} repeat(s) per level, servers alternated run by run ` +
      `(${options.targets.map((target) => TARGET_LABELS[target]).join(", ")}); load generators: ${options.generators.join(", ")}. ` +
      `Latency = receive time − send time on the same clock, per receiver. Values are medians over the repeats. Method: docs/benchmarks.md.`,
  );
  out.push(
    "",
    `CPU columns are averages over the measured window in % of one core (${machine.cpus} cores = ${machine.cpus * 100} %): the server process, the load ` +
      "generator process, and everything else on the machine (the benchmark's own runner, other builds and tests). RSS / client: " +
      "(RSS with every client connected − idle RSS) / clients for that level; the Targets section uses the slope over all levels.",
  );
  for (const note of results.notes) out.push("", note);
  if (layout.reportLink) {
    const json = layout.reportLink.replace(/\.md$/, ".json");
    out.push(
      "",
      `The same report on its own: [${layout.reportLink.split("/").at(-1)}](${layout.reportLink}); every run, every number: [${json.split("/").at(-1)}](${json}).`,
    );
  }
  out.push("", `![p50 and p99 latency and server RSS against clients](${chartFile})`);

  for (const generator of ["artillery", "crosscheck"] as const) {
    const generatorRows = rows.filter((row) => row.generator === generator);
    if (generatorRows.length === 0) continue;
    out.push(
      "",
      `${h2} ${generator === "artillery" ? "Artillery (custom histogram broadcast.latency_ms)" : "Cross-check generator (socket.io-client + perf_hooks)"}`,
      "",
    );
    out.push(resultsTable(generatorRows));
  }

  const comparisons = compareGenerators(rows);
  if (comparisons.length > 0) {
    const disagreements = comparisons.filter((comparison) => comparison.difference > DISAGREEMENT_THRESHOLD);
    out.push("", `${h2} Artillery against the cross-check`, "");
    out.push(
      disagreements.length === 0
        ? `Artillery and the cross-check agree within ${DISAGREEMENT_THRESHOLD * 100} % on p50 and p99 at every level.`
        : `**They disagree by more than ${DISAGREEMENT_THRESHOLD * 100} % in ${disagreements.length} of ${comparisons.length} comparisons:** ` +
            disagreements
              .map(
                (d) =>
                  `${d.clients.toLocaleString("en-US")} clients ${TARGET_LABELS[d.target]} ${d.metric} (${ms(d.artillery)} vs ${ms(d.crosscheck)} ms)`,
              )
              .join("; ") +
            ". Both run the same scenario code on the same socket.io-client, each in its own process; what differs is the generator around it " +
            "(Artillery handles a metrics event per received message beside its CLI and worker) and run-to-run noise on a shared machine: " +
            "compare with the p99 range of the repeats and with the generator CPU column.",
    );
    out.push(
      "",
      "| clients | server | metric | Artillery ms | cross-check ms | difference |",
      "|---:|---|---|---:|---:|---:|",
    );
    for (const c of comparisons) {
      const flag = c.difference > DISAGREEMENT_THRESHOLD ? " **> 20 %**" : "";
      out.push(
        `| ${c.clients.toLocaleString("en-US")} | ${TARGET_LABELS[c.target]} | ${c.metric} | ${ms(c.artillery)} | ${ms(c.crosscheck)} | ${(c.difference * 100).toFixed(0)} %${flag} |`,
      );
    }
  }

  out.push("", `${h2} Targets`, "", ...targetsSection(rows, results.runs));

  const invalid = rows.filter((row) => !row.valid);
  out.push("", `${h2} Invalid levels`, "");
  if (invalid.length === 0)
    out.push(
      `None: every run had all clients connected, nothing rejected, and its load generator under ${MAX_GENERATOR_CPU_PERCENT} % of a core.`,
    );
  else {
    out.push(
      `A level is invalid when its load generator used more than ${MAX_GENERATOR_CPU_PERCENT} % of a core during the measured window (its own queueing then inflates the latency), a client failed to connect, or the server rejected messages. Their numbers stay in the tables, marked.`,
      "",
    );
    for (const row of invalid)
      out.push(
        `- ${row.clients.toLocaleString("en-US")} clients, ${TARGET_LABELS[row.target]}, ${row.generator}: ${row.problems.join("; ")}`,
      );
  }
  return `${out.join("\n")}\n`;
}
