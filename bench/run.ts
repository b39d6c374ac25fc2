// npm run bench -- --step 01 --clients 50,200,500,1000,2000 --rate 10 --repeat 3
// Builds and starts the stage in production mode, measures broadcast latency with Artillery and the cross-check
// generator against it and against two baselines, and writes bench/results/<stage>-<date>.{json,md,svg}.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { banner } from "../scripts/run";
import { BENCHMARKS_DOC, updateBenchmarksDoc } from "./report/update-docs";
import { writeResults } from "./report/write-results";
import { runBenchmark, type BenchResults } from "./runner/bench-run";
import { parseBenchOptions, USAGE } from "./runner/options";

const RESULTS_DIR = fileURLToPath(new URL("results", import.meta.url));

async function main() {
  const updateDocs = process.argv.includes("--update-docs");
  const reportIndex = process.argv.indexOf("--report");
  if (reportIndex !== -1) {
    // Re-render the report (and the docs section) of a finished run from its JSON, without measuring anything.
    const jsonFile = process.argv[reportIndex + 1];
    if (!jsonFile) throw new Error("--report needs a results JSON file");
    const results = JSON.parse(readFileSync(jsonFile, "utf8")) as BenchResults;
    const files = writeResults(results, path.dirname(path.resolve(jsonFile)));
    if (updateDocs) await updateBenchmarksDoc(results, files);
    console.log(`Rendered ${files.markdown} and ${files.chart}${updateDocs ? ` and ${BENCHMARKS_DOC}` : ""}`);
    return;
  }
  const options = parseBenchOptions(
    process.argv.slice(2).filter((arg) => arg !== "--update-docs"),
    RESULTS_DIR,
  );
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const outDir = options.outDir;
  // Every finished run is saved at once (git-ignored), so an interrupted benchmark keeps what it measured.
  let partialFile: string | undefined;
  const results = await runBenchmark(options, (partial) => {
    if (!outDir) return;
    mkdirSync(outDir, { recursive: true });
    partialFile = path.join(outDir, `${partial.stage.stage}-${partial.startedAt.slice(0, 10)}.partial.tmp.json`);
    writeFileSync(partialFile, JSON.stringify(partial, null, 2));
  });
  if (!outDir) return;
  const files = writeResults(results, outDir);
  if (partialFile) rmSync(partialFile, { force: true });
  banner("Written");
  for (const file of Object.values(files)) console.log(`  ${file}`);
  if (updateDocs) {
    await updateBenchmarksDoc(results, files);
    console.log(`  ${BENCHMARKS_DOC} (results section)`);
  }
  const invalid = results.runs.filter((run) => !run.valid).length;
  if (invalid > 0) console.log(`\n  ${invalid} of ${results.runs.length} runs are invalid: see the report.`);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
