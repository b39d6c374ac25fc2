import type { BenchSocket } from "../scenario/bench-socket";

/** One load-generator client as the runner prepared it: the headers it connects with. */
export interface VirtualUser {
  index: number;
  /** Sent with the WebSocket upgrade request (e.g. the session cookie of step 02). */
  headers: Record<string, string>;
}

export interface UserPreparationContext {
  /** The target's base URL (loopback). */
  url: string;
  /** Progress output for long preparations. */
  log: (line: string) => void;
}

/**
 * What the benchmark does for one feature of a stage (a name in its workshop.json) before measuring. Most
 * features need nothing; a feature that changes who may connect or where messages go says here how to get a client
 * into the measured broadcast.
 */
export interface FeaturePreparation {
  /**
   * In the runner, once per benchmark run and before the first level: e.g. sign up one account per client and keep
   * its session cookie in `user.headers`. Targets only: the baselines have no accounts.
   */
  prepareUsers?: (context: UserPreparationContext, users: VirtualUser[]) => Promise<void>;
  /**
   * In the load generator, after a client's socket has connected and before it is counted in: e.g. join the room
   * every client listens to.
   */
  afterConnect?: (socket: BenchSocket) => Promise<void>;
  /** Set while the benchmark cannot yet prepare for this feature: the run refuses to start and prints this. */
  unsupported?: string;
}
