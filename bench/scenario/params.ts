// What one measurement run does, shared by the Artillery processor and the cross-check generator so both run
// exactly the same scenario. The runner builds it; the load generators only read it.

/** Step 01's rate limit is 5 messages/s sustained per connection: stay under it with room for timer jitter. */
export const MAX_SENDS_PER_SENDER_PER_SECOND = 4;

export interface ScenarioParams {
  /** Virtual users to connect; every one of them listens. */
  clients: number;
  /** Messages per second sent in total, spread evenly over the senders. */
  rate: number;
  /** How many of the clients send (the first ones to be counted in). */
  senders: number;
  /** Connections opened per second while ramping up. */
  rampRate: number;
  /** After the last connection: how long no presence event may arrive before sending starts. */
  quietMs: number;
  /** Messages sent in this lead-in are delivered but not measured (JIT, buffers). */
  warmupMs: number;
  /** The measured window: messages sent in it are timed and counted. */
  windowMs: number;
  /** After the window: the longest wait for the last acks and deliveries before counting what is lost. */
  drainMs: number;
  /** Longest wait for every client to connect; the run then goes on with those that did and says so. */
  connectDeadlineMs: number;
  /** Longest wait for the server's answer to one message. */
  ackTimeoutMs: number;
  /** The stage's features (from its workshop.json): the load generator prepares each client for them. */
  features: string[];
}

/** Enough senders that none exceeds MAX_SENDS_PER_SENDER_PER_SECOND, and at least ten for a realistic spread. */
export function sendersFor(clients: number, rate: number): number {
  const needed = Math.ceil(rate / MAX_SENDS_PER_SENDER_PER_SECOND);
  if (needed > clients) {
    throw new Error(
      `${rate} messages/s needs at least ${needed} senders (${MAX_SENDS_PER_SENDER_PER_SECOND}/s each, under the ` +
        `server's rate limit) but there are only ${clients} clients.`,
    );
  }
  return Math.min(clients, Math.max(needed, 10));
}

/** Messages sent during warm-up and during the measured window. */
export function messageCounts(params: Pick<ScenarioParams, "rate" | "warmupMs" | "windowMs">) {
  return {
    warmup: Math.round((params.rate * params.warmupMs) / 1000),
    measured: Math.round((params.rate * params.windowMs) / 1000),
  };
}

/** Reads parameters that crossed a process boundary (Artillery variables, a CLI argument) and checks them. */
export function parseScenarioParams(json: string): ScenarioParams {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const number = (key: keyof ScenarioParams, min: number) => {
    const value = raw[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
      throw new Error(`scenario parameter "${key}" must be a number >= ${min}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const features = raw.features;
  if (!Array.isArray(features) || !features.every((feature) => typeof feature === "string")) {
    throw new Error('scenario parameter "features" must be a list of strings');
  }
  const params: ScenarioParams = {
    clients: number("clients", 1),
    rate: number("rate", 0.1),
    senders: number("senders", 1),
    rampRate: number("rampRate", 1),
    quietMs: number("quietMs", 0),
    warmupMs: number("warmupMs", 0),
    windowMs: number("windowMs", 100),
    drainMs: number("drainMs", 0),
    connectDeadlineMs: number("connectDeadlineMs", 1000),
    ackTimeoutMs: number("ackTimeoutMs", 100),
    features,
  };
  if (params.senders > params.clients) throw new Error("more senders than clients");
  if (params.rate / params.senders > MAX_SENDS_PER_SENDER_PER_SECOND) {
    throw new Error(`each sender would send more than ${MAX_SENDS_PER_SENDER_PER_SECOND} messages/s`);
  }
  return params;
}

/** A clock shared by senders and receivers in the same process: milliseconds since the epoch, sub-ms resolution. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
