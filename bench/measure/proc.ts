// CPU time and memory of a process, read from Linux's /proc like `ps` and pidusage do.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

export interface ProcessReading {
  /** User + system CPU time consumed so far, all threads. */
  cpuSeconds: number;
  /** Resident set size. */
  rssBytes: number;
  parentPid: number;
}

/** One reading of a process, or undefined when it has exited. */
export function readProcess(pid: number): ProcessReading | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state is field 3, so field n is at index n - 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[14 - 3]) + Number(fields[15 - 3]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: rssKb * 1024, parentPid: Number(fields[4 - 3]) };
  } catch {
    return undefined;
  }
}

/** Command line of a process (arguments joined by spaces), or "" when it has exited. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** The direct children of a process. */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (readProcess(Number(entry))?.parentPid === pid) children.push(Number(entry));
  }
  return children;
}

/** A process and all its descendants. */
export function processTree(rootPid: number): number[] {
  const tree = [rootPid];
  for (let index = 0; index < tree.length && tree.length < 64; index += 1) tree.push(...childrenOf(tree[index]));
  return tree;
}
