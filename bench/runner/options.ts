import { parseArgs } from "node:util";
import { GENERATOR_KINDS, type GeneratorKind } from "./run-record";
import { TARGET_KINDS, type TargetKind } from "./servers";

export interface BenchOptions {
  /** Stage to benchmark, as `npm run bench -- --step` takes it: "01", "01-basic", "latest". */
  step: string;
  /** Connected clients per level. */
  clients: number[];
  /** Messages per second in total. */
  rate: number;
  repeat: number;
  targets: TargetKind[];
  generators: GeneratorKind[];
  /** Leave out some server × generator pairs (the smoke test runs the baselines with the cross-check only). */
  skip?: (target: TargetKind, generator: GeneratorKind) => boolean;
  /** Connections opened per second while ramping up. */
  rampRate: number;
  quietMs: number;
  warmupMs: number;
  windowMs: number;
  drainMs: number;
  /** "auto": build when sources are newer than dist/; "never": use what is built (--no-build). */
  build: "auto" | "never";
  /** Where results go; undefined: print only. */
  outDir: string | undefined;
  /** Measure an app somebody else started (loopback only) instead of building and starting the stage. */
  url?: string;
}

export const USAGE = `npm run bench -- --step 01 [options]

  --step NN            stage to measure (01, 01-basic, latest)           default latest
  --clients a,b,c      connected clients per level                       default 50,200,500,1000,2000
  --rate N             messages per second in total                      default 10
  --repeat N           runs per level and server (alternating A B C A B C) default 3
  --targets list       target,socketio,ws                                 default all
  --generators list    artillery,crosscheck                               default both
  --window S           measured seconds per run                          default 10
  --warmup S           unmeasured lead-in seconds                         default 2
  --ramp-rate N        connections opened per second                      default 100
  --no-build           do not build the stage even if sources changed
  --out DIR            results folder                                     default bench/results
  --url URL            measure an app you started yourself (loopback only) as the step, without
                       baselines; --step then says which features to prepare for
  --update-docs        also replace the results section of docs/benchmarks.md
  --report FILE.json   only re-render the report (and with --update-docs the docs) of a finished run`;

/** "a, b,,c" → ["a", "b", "c"]: a comma-separated option's items. */
export const listItems = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function list<T extends string>(value: string, allowed: readonly T[], name: string): T[] {
  const items = listItems(value);
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (bad.length > 0 || items.length === 0) throw new Error(`--${name}: use some of ${allowed.join(",")}`);
  return items as T[];
}

function positiveNumber(value: string, name: string, max: number, min = Number.MIN_VALUE): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max)
    throw new Error(`--${name} must be a number in [${min}, ${max}]`);
  return number;
}

export function parseBenchOptions(argv: string[], defaultOutDir: string): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      step: { type: "string", default: "latest" },
      clients: { type: "string", default: "50,200,500,1000,2000" },
      rate: { type: "string", default: "10" },
      repeat: { type: "string", default: "3" },
      targets: { type: "string", default: TARGET_KINDS.join(",") },
      generators: { type: "string", default: GENERATOR_KINDS.join(",") },
      window: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      "ramp-rate": { type: "string", default: "100" },
      "no-build": { type: "boolean", default: false },
      out: { type: "string", default: defaultOutDir },
      url: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  // Bounded: every level is a fixed number of clients and messages, at most 10,000 clients per level.
  const clients = values.clients.split(",").map((item) => Math.round(positiveNumber(item, "clients", 10_000)));
  // An app the benchmark did not start has no baselines beside it: only the target is measured.
  const targets = values.url ? (["target"] as TargetKind[]) : list(values.targets, TARGET_KINDS, "targets");
  return {
    url: values.url,
    step: values.step,
    clients,
    rate: positiveNumber(values.rate, "rate", 1_000),
    repeat: Math.round(positiveNumber(values.repeat, "repeat", 20)),
    targets,
    generators: list(values.generators, GENERATOR_KINDS, "generators"),
    rampRate: positiveNumber(values["ramp-rate"], "ramp-rate", 1_000),
    quietMs: 2_500, // longer than the server's presence batch interval (2 s), so the last batch is in before measuring
    warmupMs: positiveNumber(values.warmup, "warmup", 60, 0) * 1000,
    windowMs: positiveNumber(values.window, "window", 300) * 1000,
    drainMs: 10_000,
    build: values["no-build"] ? "never" : "auto",
    outDir: values.out,
  };
}
