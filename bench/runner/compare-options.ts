// The options of npm run bench:compare: its own (--steps, --report, --update-docs) and those of npm run bench, with
// the step server as the only target and the cross-check as the default generator.
import { listStages } from "../../scripts/stages";
import { listItems, parseBenchOptions, type BenchOptions } from "./options";

export const COMPARE_USAGE = `npm run bench:compare -- --steps 01,02,03 [options]

Measures each step's own server at the same levels with the same generator, the steps taking turns within every
level and repeat, and writes bench/results/steps-<date>/ (each step's results and report, and steps-<date>.md).

  --steps a,b,c        steps to put side by side, in order, or "all"     default all (every steps/ folder)
  --report a.json,…    only re-render the comparison from finished results JSON files (measures nothing)
  --update-docs        also replace the "Steps side by side" section of docs/benchmarks.md
  --out DIR            results folder (a steps-<date>/ folder is made in it)  default bench/results

and the options of npm run bench (npm run bench -- --help): --clients, --rate, --repeat, --generators (default
crosscheck here), --window, --warmup, --ramp-rate, --no-build. --step, --targets and --url do not apply: only the
step servers are measured, no baselines.`;

export type CompareOptions =
  | { kind: "help" }
  | { kind: "report"; files: string[]; updateDocs: boolean; outDir: string | undefined }
  | { kind: "run"; steps: string[]; bench: BenchOptions; updateDocs: boolean };

const NOT_HERE = ["step", "targets", "url"];
const COMPARE_DEFAULTS = ["--generators", "crosscheck"];

/** Takes `--name value` or `--name=value` out of argv; undefined when it is not there. */
function takeValue(argv: string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = argv[index];
  if (arg.includes("=")) {
    argv.splice(index, 1);
    return arg.slice(arg.indexOf("=") + 1);
  }
  const value = argv[index + 1] as string | undefined;
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  argv.splice(index, 2);
  return value;
}

function takeFlag(argv: string[], ...names: string[]): boolean {
  const index = argv.findIndex((arg) => names.includes(arg));
  if (index === -1) return false;
  argv.splice(index, 1);
  return true;
}

/** The steps to compare: every steps/ folder for "all", else the names given (checked when the run starts). */
export function resolveSteps(value: string): string[] {
  if (value === "all")
    return listStages()
      .filter((stage) => stage.relativeDir.startsWith("steps/"))
      .map((stage) => stage.stage);
  const steps = listItems(value);
  if (steps.length === 0) throw new Error("--steps: name at least one step, e.g. 01,02,03");
  return steps;
}

export function parseCompareOptions(args: readonly string[], defaultOutDir: string): CompareOptions {
  const argv = [...args];
  if (takeFlag(argv, "--help", "-h")) return { kind: "help" };
  const updateDocs = takeFlag(argv, "--update-docs");
  const report = takeValue(argv, "report");
  const steps = takeValue(argv, "steps");
  const misplaced = argv.filter((arg) => NOT_HERE.some((name) => arg === `--${name}` || arg.startsWith(`--${name}=`)));
  if (misplaced.length > 0)
    throw new Error(`${misplaced.join(", ")}: not for bench:compare (use --steps; only step servers are measured)`);

  if (report !== undefined) {
    const outDir = takeValue(argv, "out");
    if (steps !== undefined || argv.length > 0)
      throw new Error(`--report measures nothing: it takes only --update-docs and --out (not ${[...argv].join(" ")})`);
    const files = listItems(report);
    if (files.length === 0) throw new Error("--report needs results JSON files, e.g. a.json,b.json");
    return { kind: "report", files, updateDocs, outDir };
  }

  const bench = parseBenchOptions([...COMPARE_DEFAULTS, ...argv, "--targets", "target"], defaultOutDir);
  if (bench === "help") return { kind: "help" };
  return { kind: "run", steps: resolveSteps(steps ?? "all"), bench, updateDocs };
}
