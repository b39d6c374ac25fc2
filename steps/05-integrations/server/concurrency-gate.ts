export interface ConcurrencyLimit {
  /** Requests let through at once. */
  running: number;
  /** Requests queued behind them; any further one is refused. */
  waiting: number;
}

export interface ConcurrencyGate {
  /** Resolves with a release function once a slot is free; undefined, at once, when running and waiting are full. */
  enter(): Promise<() => void> | undefined;
}

/** A semaphore with a bounded queue: at most `running` holders, `waiting` in line, in order of arrival. */
export function createConcurrencyGate({ running, waiting }: ConcurrencyLimit): ConcurrencyGate {
  let holders = 0;
  const queue: ((release: () => void) => void)[] = [];
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next)
        next(releaser()); // the slot passes straight to the next in line
      else holders -= 1;
    };
  };

  return {
    enter() {
      if (holders < running) {
        holders += 1;
        return Promise.resolve(releaser());
      }
      if (queue.length >= waiting) return undefined;
      return new Promise((resolve) => queue.push(resolve));
    },
  };
}
