// Every process the benchmark starts is stopped when it ends: normally, on an error, or on Ctrl-C / SIGTERM.
import type { ChildProcess } from "node:child_process";

const live = new Set<number>();
const stoppers = new Set<() => Promise<void>>();

/** Remembers a child process until it exits. */
export function track(child: ChildProcess): ChildProcess {
  const pid = child.pid;
  if (pid !== undefined) {
    live.add(pid);
    child.once("exit", () => live.delete(pid));
  }
  return child;
}

/** A process the benchmark did not spawn itself (e.g. the stage's server started by ManagedServer). */
export function trackPid(pid: number): () => void {
  live.add(pid);
  return () => live.delete(pid);
}

/** A graceful stop to try first when the benchmark is interrupted. */
export function onInterrupt(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

function killAllNow() {
  for (const pid of live) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  live.clear();
}

let installed = false;

export function installCleanup() {
  if (installed) return;
  installed = true;
  process.once("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and load generators this run started`);
      const graceful = Promise.allSettled([...stoppers].map((stop) => stop()));
      const timeout = new Promise((resolve) => setTimeout(resolve, 3_000));
      void Promise.race([graceful, timeout]).finally(() => {
        killAllNow();
        process.exit(130);
      });
    });
  }
}
