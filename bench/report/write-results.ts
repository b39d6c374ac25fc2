import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchResults } from "../runner/bench-run";
import { aggregate } from "./aggregate";
import { renderChart } from "./chart-svg";
import { renderMarkdown } from "./markdown";

export interface WrittenFiles {
  json: string;
  markdown: string;
  chart: string;
}

/** Writes <outDir>/<stage>-<date>.json (every run), .md (the report) and .svg (the chart). */
export function writeResults(results: BenchResults, outDir: string, suffix = ""): WrittenFiles {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${results.stage.stage}-${results.startedAt.slice(0, 10)}${suffix}`);
  const files = { json: `${base}.json`, markdown: `${base}.md`, chart: `${base}.svg` };
  writeFileSync(files.json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    files.chart,
    renderChart(aggregate(results.runs), `${results.stage.stage}, ${results.startedAt.slice(0, 10)}`),
  );
  writeFileSync(files.markdown, renderMarkdown(results, path.basename(files.chart)));
  return files;
}
