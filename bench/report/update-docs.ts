import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResults } from "../runner/bench-run";
import type { WrittenFiles } from "./write-results";
import { renderMarkdown } from "./markdown";
import { writeFormatted } from "../../scripts/write-formatted";
import { renderStepsComparison, stepLinks, type StepFiles } from "./steps";

export const BENCHMARKS_DOC = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));
const RESULTS = {
  start: "<!-- bench:results:start (written by `npm run bench -- --update-docs`) -->",
  end: "<!-- bench:results:end -->",
};
const STEPS = {
  start: "<!-- bench:steps:start (written by `npm run bench:compare -- --update-docs`) -->",
  end: "<!-- bench:steps:end -->",
};

/** A path as docs/benchmarks.md links it. */
export function docLink(file: string): string {
  return path.relative(path.dirname(BENCHMARKS_DOC), file).split(path.sep).join("/");
}

/**
 * Replaces what stands between two markers of docs/benchmarks.md, so the docs never quote numbers by hand, and formats
 * the file as `npm test` checks it (Prettier aligns the generated tables).
 */
async function replaceSection(markers: { start: string; end: string }, section: string) {
  const markdown = readFileSync(BENCHMARKS_DOC, "utf8");
  const start = markdown.indexOf(markers.start);
  const end = markdown.indexOf(markers.end);
  if (start === -1 || end < start)
    throw new Error(`${BENCHMARKS_DOC} has no section ${markers.start} … ${markers.end}`);
  const updated = `${markdown.slice(0, start + markers.start.length)}\n\n${section}\n${markdown.slice(end)}`;
  await writeFormatted(BENCHMARKS_DOC, updated);
}

/** Replaces the results section of docs/benchmarks.md with the report of this run. */
export async function updateBenchmarksDoc(results: BenchResults, files: WrittenFiles) {
  await replaceSection(
    RESULTS,
    renderMarkdown(results, docLink(files.chart), { headingPrefix: "###", reportLink: docLink(files.markdown) }),
  );
}

/** Replaces the "Steps side by side" section of docs/benchmarks.md with this comparison. */
export async function updateStepsDoc(results: readonly BenchResults[], files: readonly StepFiles[]) {
  const links = stepLinks(files, path.dirname(BENCHMARKS_DOC));
  await replaceSection(STEPS, renderStepsComparison(results, { headingPrefix: "###", links }));
}
