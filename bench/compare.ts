// npm run bench:compare -- --steps 01,02,03 --clients 50,200,500,1000,2000 --repeat 2
// Measures every step's own server at the same levels with the same load generator, the steps taking turns, and
// writes bench/results/steps-<date>/: each step's results (json, md, svg, as npm run bench writes them) and
// steps-<date>.md, the steps side by side with what each one costs over the step before.
// With --report a.json,b.json it only re-renders that comparison from finished results.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { banner } from "../scripts/run";
import { renderStepsComparison, stepLinks, type StepFiles } from "./report/steps";
import { BENCHMARKS_DOC, updateStepsDoc } from "./report/update-docs";
import { writeResults } from "./report/write-results";
import { runBenchmarks, type BenchResults } from "./runner/bench-run";
import { COMPARE_USAGE, parseCompareOptions } from "./runner/compare-options";

const RESULTS_DIR = fileURLToPath(new URL("results", import.meta.url));

/** Writes <dir>/steps-<date>.md (links relative to it) and, if asked, the docs section. */
async function writeComparison(
  results: BenchResults[],
  files: StepFiles[],
  dir: string,
  updateDocs: boolean,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `steps-${results[0].startedAt.slice(0, 10)}.md`);
  writeFileSync(file, renderStepsComparison(results, { headingPrefix: "#", links: stepLinks(files, dir) }));
  if (!updateDocs) return [file];
  await updateStepsDoc(results, files);
  return [file, `${BENCHMARKS_DOC} (Steps side by side)`];
}

function readResults(file: string): BenchResults {
  const results = JSON.parse(readFileSync(file, "utf8")) as BenchResults;
  if (results.schema !== 1 || !Array.isArray(results.runs)) throw new Error(`${file} is not a bench results file`);
  return results;
}

async function main() {
  const options = parseCompareOptions(process.argv.slice(2), RESULTS_DIR);
  if (options.kind === "help") {
    console.log(COMPARE_USAGE);
    return;
  }
  if (options.kind === "report") {
    const results = options.files.map(readResults);
    const files = options.files.map((file, index) => {
      const json = path.resolve(file);
      const markdown = json.replace(/\.json$/, ".md");
      return { stage: results[index].stage.stage, json, markdown: existsSync(markdown) ? markdown : undefined };
    });
    const dir = options.outDir ?? path.dirname(files[0].json);
    for (const written of await writeComparison(results, files, path.resolve(dir), options.updateDocs))
      console.log(`Rendered ${written}`);
    return;
  }

  const { bench, steps } = options;
  const outDir = bench.outDir;
  const folder = (startedAt: string) => path.join(outDir ?? RESULTS_DIR, `steps-${startedAt.slice(0, 10)}`);
  // Every finished run is saved at once (git-ignored), so an interrupted comparison keeps what it measured.
  const partialFiles = new Set<string>();
  const results = await runBenchmarks(bench, steps, (partial) => {
    if (!outDir) return;
    for (const stepResults of partial) {
      const dir = folder(stepResults.startedAt);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${stepResults.stage.stage}-${stepResults.startedAt.slice(0, 10)}.partial.tmp.json`);
      writeFileSync(file, JSON.stringify(stepResults, null, 2));
      partialFiles.add(file);
    }
  });
  if (!outDir) return;
  const dir = folder(results[0].startedAt);
  const files = results.map((stepResults) => ({ stage: stepResults.stage.stage, ...writeResults(stepResults, dir) }));
  for (const file of partialFiles) rmSync(file, { force: true });
  banner("Written");
  for (const file of files.flatMap(({ json, markdown, chart }) => [json, markdown, chart])) console.log(`  ${file}`);
  for (const file of await writeComparison(results, files, dir, options.updateDocs)) console.log(`  ${file}`);
  const invalid = results.flatMap((stepResults) => stepResults.runs).filter((run) => !run.valid).length;
  if (invalid > 0) console.log(`\n  ${invalid} runs are invalid: see the reports.`);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
