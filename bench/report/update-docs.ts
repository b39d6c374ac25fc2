import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResults } from "../runner/bench-run";
import type { WrittenFiles } from "./write-results";
import { renderMarkdown } from "./markdown";

export const BENCHMARKS_DOC = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));
const START = "<!-- bench:results:start (written by `npm run bench -- --update-docs`) -->";
const END = "<!-- bench:results:end -->";

/** Replaces the results section of docs/benchmarks.md with the report of this run, so the docs never quote by hand. */
export function updateBenchmarksDoc(results: BenchResults, files: WrittenFiles) {
  const markdown = readFileSync(BENCHMARKS_DOC, "utf8");
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${BENCHMARKS_DOC} has no results section (${START} … ${END})`);
  const relative = (file: string) => path.relative(path.dirname(BENCHMARKS_DOC), file).split(path.sep).join("/");
  const section = renderMarkdown(results, relative(files.chart), {
    headingPrefix: "###",
    reportLink: relative(files.markdown),
  });
  writeFileSync(BENCHMARKS_DOC, `${markdown.slice(0, start + START.length)}\n\n${section}\n${markdown.slice(end)}`);
}
