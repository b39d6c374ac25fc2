import type { RecordableHistogram } from "node:perf_hooks";

/** A latency distribution in milliseconds, as both load generators report it. */
export interface LatencyStats {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** perf_hooks histograms hold integers: the cross-check records microseconds. */
export function recordMicroseconds(histogram: RecordableHistogram, latencyMs: number) {
  histogram.record(Math.max(1, Math.round(latencyMs * 1000)));
}

export function statsFromHistogram(histogram: RecordableHistogram): LatencyStats | null {
  if (histogram.count === 0) return null;
  const ms = (microseconds: number) => Math.round(microseconds) / 1000;
  return {
    count: histogram.count,
    min: ms(histogram.min),
    mean: ms(histogram.mean),
    p50: ms(histogram.percentile(50)),
    p95: ms(histogram.percentile(95)),
    p99: ms(histogram.percentile(99)),
    p999: ms(histogram.percentile(99.9)),
    max: ms(histogram.max),
  };
}

/** An Artillery `--output` summary (aggregate.summaries[name]): percentiles already computed, rounded to 0.1 ms. */
export function statsFromArtillerySummary(summary: unknown): LatencyStats | null {
  if (typeof summary !== "object" || summary === null) return null;
  const s = summary as Record<string, unknown>;
  const read = (key: string) => (typeof s[key] === "number" ? s[key] : Number.NaN);
  const stats: LatencyStats = {
    count: read("count"),
    min: read("min"),
    mean: read("mean"),
    p50: read("p50"),
    p95: read("p95"),
    p99: read("p99"),
    p999: read("p999"),
    max: read("max"),
  };
  return Object.values(stats).some(Number.isNaN) || stats.count === 0 ? null : stats;
}
