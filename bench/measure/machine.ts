// How busy the whole machine is, from /proc/stat: on a shared 2-core box, other work competes with the server and
// the load generator, and a report should say how much there was.
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineSample {
  at: number;
  /** Clock ticks spent on anything but idle, all cores together. */
  busyTicks: number;
  totalTicks: number;
}

export function readMachineCpu(): MachineSample | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0];
    // cpu  user nice system idle iowait irq softirq steal …
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { at: Date.now(), busyTicks: total - idle - iowait, totalTicks: total };
  } catch {
    return undefined;
  }
}

/** Samples machine-wide CPU use at a fixed interval. */
export class MachineSampler {
  readonly samples: MachineSample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 200) {}

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
    const reading = readMachineCpu();
    if (reading) this.samples.push(reading);
  }
}

/** CPU in use between two moments, machine-wide, in % of one core (2 busy cores = 200). */
export function machineBusyPercent(samples: readonly MachineSample[], from: number, to: number): number | null {
  const inside = samples.filter((sample) => sample.at >= from && sample.at <= to);
  if (inside.length < 2) return null;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const total = last.totalTicks - first.totalTicks;
  return total > 0 ? ((last.busyTicks - first.busyTicks) / total) * os.cpus().length * 100 : null;
}
