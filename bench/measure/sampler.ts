import { readProcess } from "./proc";

export interface ProcessSample {
  /** Epoch milliseconds. */
  at: number;
  /** CPU seconds consumed so far by the sampled processes together. */
  cpuSeconds: number;
  rssBytes: number;
}

/** Samples the CPU time and RSS of a set of processes (e.g. a load generator and its children) at a fixed interval. */
export class ProcessSampler {
  readonly samples: ProcessSample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: () => number[],
    private readonly intervalMs = 200,
  ) {}

  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
    return this.samples;
  }

  private sample() {
    let cpuSeconds = 0;
    let rssBytes = 0;
    let alive = 0;
    for (const pid of this.pids()) {
      const reading = readProcess(pid);
      if (!reading) continue;
      alive += 1;
      cpuSeconds += reading.cpuSeconds;
      rssBytes += reading.rssBytes;
    }
    if (alive > 0) this.samples.push({ at: Date.now(), cpuSeconds, rssBytes });
  }
}

/** Average CPU use between two moments in % of one core (100 = one core busy), from the samples inside them. */
export function cpuPercent(samples: readonly ProcessSample[], from: number, to: number): number | null {
  const inside = samples.filter((sample) => sample.at >= from && sample.at <= to);
  if (inside.length < 2) return null;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const seconds = (last.at - first.at) / 1000;
  return seconds > 0 ? ((last.cpuSeconds - first.cpuSeconds) / seconds) * 100 : null;
}

/** Largest RSS between two moments. */
export function peakRss(samples: readonly ProcessSample[], from = -Infinity, to = Infinity): number | null {
  const inside = samples.filter((sample) => sample.at >= from && sample.at <= to);
  return inside.length === 0 ? null : Math.max(...inside.map((sample) => sample.rssBytes));
}

/** RSS of the last sample taken at or before a moment. */
export function rssAt(samples: readonly ProcessSample[], at: number): number | null {
  let found: ProcessSample | undefined;
  for (const sample of samples) if (sample.at <= at) found = sample;
  return found?.rssBytes ?? null;
}
