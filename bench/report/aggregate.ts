// Folds the repeats of each (clients, server, generator) into one row: medians of the latency percentiles and
// CPU, sums of deliveries, the worst of memory and generator load. A row is valid only if every repeat was.
import type { LatencyStats } from "../scenario/latency";
import type { GeneratorKind, RunRecord } from "../runner/run-record";
import type { TargetKind } from "../runner/servers";

export interface LevelRow {
  clients: number;
  target: TargetKind;
  generator: GeneratorKind;
  runs: number;
  okRuns: number;
  validRuns: number;
  valid: boolean;
  /** Median over the repeats of each statistic. */
  latencyMs: LatencyStats | null;
  /** Range of p99 over the repeats. */
  p99Range: [number, number] | null;
  delivered: number;
  expected: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  serverCpuPercent: number | null;
  serverRssPeakMB: number | null;
  serverRssPerClientKB: number | null;
  generatorCpuPercent: number | null;
  generatorRssPeakMB: number | null;
  /** Median CPU of everything else on the machine during the windows, % of one core. */
  otherCpuPercent: number | null;
  problems: string[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null);
const maxOf = (values: (number | null)[]) => (present(values).length ? Math.max(...present(values)) : null);

function medianLatency(runs: RunRecord[]): LatencyStats | null {
  const stats = runs.map((run) => run.latencyMs).filter((value): value is LatencyStats => value !== null);
  if (stats.length === 0) return null;
  const pick = (key: keyof LatencyStats) => median(stats.map((stat) => stat[key])) ?? Number.NaN;
  return {
    count: pick("count"),
    min: pick("min"),
    mean: pick("mean"),
    p50: pick("p50"),
    p95: pick("p95"),
    p99: pick("p99"),
    p999: pick("p999"),
    max: pick("max"),
  };
}

export function aggregate(runs: readonly RunRecord[]): LevelRow[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = `${run.clients}|${run.target}|${run.generator}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const rows: LevelRow[] = [];
  for (const group of groups.values()) {
    const ok = group.filter((run) => run.ok);
    const p99s = ok.map((run) => run.latencyMs?.p99).filter((value): value is number => value !== undefined);
    const sum = (pick: (run: RunRecord) => number | undefined) =>
      ok.reduce((total, run) => total + (pick(run) ?? 0), 0);
    rows.push({
      clients: group[0].clients,
      target: group[0].target,
      generator: group[0].generator,
      runs: group.length,
      okRuns: ok.length,
      validRuns: group.filter((run) => run.valid).length,
      valid: group.every((run) => run.valid),
      latencyMs: medianLatency(ok),
      p99Range: p99s.length ? [Math.min(...p99s), Math.max(...p99s)] : null,
      delivered: sum((run) => run.delivery?.delivered),
      expected: sum((run) => run.delivery?.expected),
      lost: sum((run) => run.delivery?.lost),
      duplicates: sum((run) => run.delivery?.duplicates),
      outOfOrder: sum((run) => run.delivery?.outOfOrder),
      serverCpuPercent: median(present(ok.map((run) => run.server.cpuPercent))),
      serverRssPeakMB: maxOf(ok.map((run) => run.server.rssPeakMB)),
      serverRssPerClientKB: median(present(ok.map((run) => run.server.rssPerClientKB))),
      generatorCpuPercent: maxOf(group.map((run) => run.loadGenerator.cpuPercent)),
      generatorRssPeakMB: maxOf(group.map((run) => run.loadGenerator.rssPeakMB)),
      otherCpuPercent: median(present(group.map((run) => run.otherProcesses.cpuPercent))),
      problems: [...new Set(group.flatMap((run) => run.problems))],
    });
  }
  return rows.sort((a, b) => a.clients - b.clients);
}

/** Artillery and the cross-check side by side for one level and server. */
export interface GeneratorComparison {
  clients: number;
  target: TargetKind;
  metric: "p50" | "p99";
  artillery: number;
  crosscheck: number;
  /** |a − c| / min(a, c): 0.2 means one is 20 % above the other. */
  difference: number;
}

export const DISAGREEMENT_THRESHOLD = 0.2;

export function compareGenerators(rows: readonly LevelRow[]): GeneratorComparison[] {
  const comparisons: GeneratorComparison[] = [];
  for (const artillery of rows.filter((row) => row.generator === "artillery")) {
    const crosscheck = rows.find(
      (row) => row.generator === "crosscheck" && row.clients === artillery.clients && row.target === artillery.target,
    );
    if (!artillery.latencyMs || !crosscheck?.latencyMs) continue;
    for (const metric of ["p50", "p99"] as const) {
      const a = artillery.latencyMs[metric];
      const c = crosscheck.latencyMs[metric];
      comparisons.push({
        clients: artillery.clients,
        target: artillery.target,
        metric,
        artillery: a,
        crosscheck: c,
        difference: Math.abs(a - c) / Math.max(Math.min(a, c), 0.001),
      });
    }
  }
  return comparisons;
}

/**
 * Server memory per connected client: the least-squares slope of RSS (all clients connected, before sending)
 * against the number of clients, over every run of one server. A slope across levels cancels the constant part
 * (code, caches, heap left from earlier work) that makes a single level's (connected − idle) / clients noisy.
 */
export function rssGrowthPerClientKB(runs: readonly RunRecord[], target: TargetKind): number | null {
  const points = runs
    .filter((run) => run.ok && run.target === target && run.server.rssConnectedMB !== null && run.delivery)
    .map((run) => ({ x: run.delivery?.receivers ?? 0, y: (run.server.rssConnectedMB ?? 0) * 1024 }));
  if (new Set(points.map((point) => point.x)).size < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return covariance / variance;
}
