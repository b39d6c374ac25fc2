import { REFUSAL_LOG_INTERVAL_MS } from "./limits";

export interface RefusalLog {
  /** Counts one refusal of `kind`, e.g. "[auth] failed sign-ins"; written out when the interval ends. */
  record(kind: string): void;
}

/**
 * Logs refusals that arrive in floods (failed sign-ins, refused connections) as one line per kind per interval,
 * "[auth] failed sign-ins: 37 in the last 60 s", so a flood cannot fill the disk one line per request. The timer
 * runs only while something is counted, and never keeps the process alive.
 */
export function createRefusalLog(intervalMs: number, write: (line: string) => void = console.warn): RefusalLog {
  const counts = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    for (const [kind, count] of counts) write(`${kind}: ${count} in the last ${Math.round(intervalMs / 1000)} s`);
    counts.clear();
  };

  return {
    record(kind) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      timer ??= setTimeout(flush, intervalMs).unref();
    },
  };
}

/** The server's one refusal log, shared by the auth endpoints and the socket handshake. */
export const refusalLog = createRefusalLog(REFUSAL_LOG_INTERVAL_MS);
