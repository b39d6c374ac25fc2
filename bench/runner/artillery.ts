// Runs bench/scenario/broadcast.yml with Artillery for one level and reads what it measured from its --output JSON
// (`artillery report` is deprecated and writes nothing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RunSummary } from "../scenario/broadcast-run";
import { statsFromArtillerySummary, type LatencyStats } from "../scenario/latency";
import type { ScenarioParams } from "../scenario/params";
import { LATENCY_HISTOGRAM } from "../scenario/processor";
import { runGenerator, type GeneratorExit } from "./generator-process";

const SCENARIO = fileURLToPath(new URL("../scenario/broadcast.yml", import.meta.url));
const ARTILLERY_BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve("artillery/package.json")),
  "bin",
  "run",
);

export interface GeneratorResult {
  exit: GeneratorExit;
  latency: LatencyStats | null;
  summary: RunSummary | null;
  /** Problems the generator itself reported (connection errors, failed virtual users). */
  errors: string[];
}

/**
 * Artillery bundles a TypeScript processor into dist/processor.js as CommonJS next to it; the repository's
 * package.json says "type": "module", so the bundle's folder needs its own package.json saying CommonJS.
 */
function markProcessorBundleCommonJs() {
  const distDir = path.join(path.dirname(SCENARIO), "dist");
  mkdirSync(distDir, { recursive: true });
  const marker = path.join(distDir, "package.json");
  if (!existsSync(marker)) writeFileSync(marker, `${JSON.stringify({ type: "commonjs" })}\n`);
}

function csvField(value: string) {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * One CSV row per virtual user (Artillery's payload, read in order): the Origin header and the session cookie the
 * scenario's per-user `extraHeaders` template picks up. The scenario passes only these two headers.
 */
function writeHeadersPayload(
  workDir: string,
  clients: number,
  origin: string,
  headersByClient: Record<string, string>[],
) {
  const unsupported = [...new Set(headersByClient.flatMap((headers) => Object.keys(headers)))].filter(
    (name) => name !== "cookie",
  );
  if (unsupported.length > 0) {
    throw new Error(`broadcast.yml passes only a cookie header per user; add a column for ${unsupported.join(", ")}`);
  }
  const csvPath = path.join(workDir, "users.csv");
  const rows = Array.from(
    { length: clients },
    (_, index) => `${csvField(origin)},${csvField(headersByClient[index]?.cookie ?? "")}`,
  );
  writeFileSync(csvPath, `${rows.join("\n")}\n`);
  return [{ path: csvPath, fields: ["benchOrigin", "benchCookie"], order: "sequence", cast: false, skipHeader: false }];
}

function counter(counters: Record<string, unknown>, name: string): number {
  const value = counters[name];
  return typeof value === "number" ? value : 0;
}

export async function runArtillery(options: {
  url: string;
  /** Origin header of every connection. */
  origin: string;
  params: ScenarioParams;
  rampSeconds: number;
  headersByClient: Record<string, string>[];
  workDir: string;
  timeoutMs: number;
}): Promise<GeneratorResult> {
  markProcessorBundleCommonJs();
  const { url, params, workDir } = options;
  const outputPath = path.join(workDir, "artillery-output.json");
  const summaryPath = path.join(workDir, "artillery-run-summary.json");
  const overrides = {
    config: {
      phases: [{ name: "ramp-up", duration: options.rampSeconds, arrivalCount: params.clients }],
      payload: writeHeadersPayload(workDir, params.clients, options.origin, options.headersByClient),
    },
  };
  const variables = { benchParams: JSON.stringify(params), benchSummaryPath: summaryPath };
  const exit = await runGenerator(
    process.execPath,
    [
      ARTILLERY_BIN,
      "run",
      SCENARIO,
      "--target",
      url,
      "--output",
      outputPath,
      "--quiet",
      "--overrides",
      JSON.stringify(overrides),
      "--variables",
      JSON.stringify(variables),
    ],
    // One worker: every virtual user in one process, sharing the run. No telemetry: nothing leaves this machine.
    { WORKERS: "1", ARTILLERY_DISABLE_TELEMETRY: "true" },
    options.timeoutMs,
  );

  const errors: string[] = [];
  if (exit.timedOut) errors.push(`Artillery did not finish within ${Math.round(options.timeoutMs / 1000)} s`);
  if (!existsSync(outputPath)) {
    errors.push(`Artillery wrote no output (exit ${exit.code}): ${exit.output.slice(-1500)}`);
    return { exit, latency: null, summary: null, errors };
  }
  const report = JSON.parse(readFileSync(outputPath, "utf8")) as {
    aggregate: { counters: Record<string, unknown>; summaries: Record<string, unknown> };
  };
  const { counters, summaries } = report.aggregate;
  for (const [name, value] of Object.entries(counters)) {
    if (name.startsWith("errors.")) errors.push(`${name.slice(7)}: ${String(value)}`);
  }
  if (counter(counters, "vusers.failed") > 0) errors.push(`${counter(counters, "vusers.failed")} virtual users failed`);

  const summary = existsSync(summaryPath) ? (JSON.parse(readFileSync(summaryPath, "utf8")) as RunSummary) : null;
  if (summary) {
    // Delivery as Artillery counted it (custom counters summed over virtual users) replaces the run's own view.
    summary.totals = {
      delivered: counter(counters, "broadcast.delivered"),
      expected: counter(counters, "broadcast.expected"),
      duplicates: counter(counters, "broadcast.duplicates"),
      outOfOrder: counter(counters, "broadcast.out_of_order"),
      unexpected: counter(counters, "broadcast.unexpected"),
    };
  } else {
    errors.push("the scenario wrote no run summary");
  }
  return { exit, latency: statsFromArtillerySummary(summaries[LATENCY_HISTOGRAM]), summary, errors };
}
