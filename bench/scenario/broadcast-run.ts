// One broadcast-latency measurement, run by every virtual user of a load generator in the same process:
// everyone connects and listens; once all are in and the presence chatter has stopped, the senders emit at a
// fixed total rate; every receiver times each broadcast (receive time − send time, same clock) and counts what
// arrived, twice, or out of order; after a drain the run counts what was lost. Both the Artillery processor and
// the cross-check generator drive this same class, so they measure the same thing.
import { PRESENCE_EVENTS, isAccepted, type BenchSocket } from "./bench-socket";
import { broadcastText, decodeBenchMessage, encodeBenchMessage, type BenchMessage } from "./message";
import { messageCounts, nowMs, type ScenarioParams } from "./params";

/** Where a receiver puts each latency: Artillery's custom histogram, or the cross-check's perf_hooks histogram. */
export interface LatencySink {
  record(latencyMs: number): void;
}

/** What one receiver saw of the measured messages. */
export interface ReceiverCounts {
  /** Distinct measured messages received that the server had accepted. */
  delivered: number;
  /** Measured messages the server accepted: each receiver should get every one. */
  expected: number;
  duplicates: number;
  /** Arrived before an earlier message of the same sender. */
  outOfOrder: number;
  /** Received although the sender never saw it accepted (its ack timed out). */
  unexpected: number;
}

export interface SendCounts {
  /** Measured messages emitted. */
  sent: number;
  accepted: number;
  rejected: number;
  ackTimeouts: number;
  /** Rejections by error code, e.g. rate_limited: any at all means the scenario is wrong. */
  rejectedBy: Record<string, number>;
}

/** Epoch milliseconds of each phase, for lining up CPU and memory samples taken by the runner. */
export interface Timeline {
  firstClientAt?: number;
  allConnectedAt?: number;
  sendingStartedAt?: number;
  windowStartAt?: number;
  windowEndAt?: number;
  drainedAt?: number;
}

export interface RunSummary {
  clientsRequested: number;
  /** Clients counted in before sending started: the receivers. */
  receivers: number;
  /** Clients that connected after sending had started (not measured). */
  lateClients: number;
  senders: number;
  /** Receivers whose connection dropped during the run. */
  disconnects: number;
  /** False when the presence chatter never stopped and sending started anyway. */
  quietBeforeSending: boolean;
  /** False when the drain timed out with messages still missing. */
  drained: boolean;
  warmupMessages: number;
  measuredMessages: number;
  sends: SendCounts;
  totals: ReceiverCounts;
  timeline: Timeline;
}

export interface EnlistResult {
  /** Order in which this client was counted in (0-based); -1 when it came too late. */
  index: number;
  counts: ReceiverCounts;
  summary: RunSummary;
}

const POLL_MS = 50;
/** If join/leave announcements never stop, sending starts after this anyway (and the summary says so). */
const MAX_QUIET_WAIT_MS = 30_000;

class Receiver {
  private readonly seen = new Set<number>();
  private readonly lastSeqBySender = new Map<number, number>();
  duplicates = 0;
  outOfOrder = 0;
  disconnected = false;

  constructor(private readonly sink: LatencySink) {}

  get received() {
    return this.seen.size;
  }

  receive(message: BenchMessage, receivedAt: number) {
    if (message.warmup) return;
    if (this.seen.has(message.seq)) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(message.seq);
    const last = this.lastSeqBySender.get(message.sender);
    if (last !== undefined && message.seq < last) this.outOfOrder += 1;
    else this.lastSeqBySender.set(message.sender, message.seq);
    this.sink.record(receivedAt - message.sentAt);
  }

  counts(accepted: ReadonlySet<number>): ReceiverCounts {
    let delivered = 0;
    for (const seq of this.seen) if (accepted.has(seq)) delivered += 1;
    return {
      delivered,
      expected: accepted.size,
      duplicates: this.duplicates,
      outOfOrder: this.outOfOrder,
      unexpected: this.seen.size - delivered,
    };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BroadcastRun {
  private readonly receivers: Receiver[] = [];
  private readonly senderSockets: BenchSocket[] = [];
  private readonly acceptedMeasured = new Set<number>();
  private readonly sends: SendCounts = { sent: 0, accepted: 0, rejected: 0, ackTimeouts: 0, rejectedBy: {} };
  private readonly timeline: Timeline = {};
  private lastPresenceAt = nowMs();
  private pendingAcks = 0;
  private lateClients = 0;
  private quietBeforeSending = true;
  private drained = false;
  private started = false;
  private deadline: NodeJS.Timeout | undefined;
  private readonly result: Promise<RunSummary>;
  private begin!: () => void;

  constructor(private readonly params: ScenarioParams) {
    const startSignal = new Promise<void>((resolve) => (this.begin = resolve));
    this.result = startSignal.then(() => this.measure());
  }

  /** Resolves with the whole run's summary once it is over. */
  get finished(): Promise<RunSummary> {
    return this.result;
  }

  /**
   * Counts a connected client in as a receiver (the first `senders` also send) and resolves when the run is over
   * with what this client saw. A client that arrives after sending started is not measured.
   */
  async enlist(socket: BenchSocket, sink: LatencySink): Promise<EnlistResult> {
    if (this.started) {
      this.lateClients += 1;
      const summary = await this.result;
      return { index: -1, counts: { delivered: 0, expected: 0, duplicates: 0, outOfOrder: 0, unexpected: 0 }, summary };
    }
    const index = this.receivers.length;
    const receiver = new Receiver(sink);
    this.receivers.push(receiver);
    if (index < this.params.senders) this.senderSockets.push(socket);

    socket.on("chat message", (payload) => {
      const text = broadcastText(payload);
      const message = text === undefined ? undefined : decodeBenchMessage(text);
      if (message) receiver.receive(message, nowMs());
    });
    for (const event of PRESENCE_EVENTS) socket.on(event, () => (this.lastPresenceAt = nowMs()));
    socket.on("disconnect", () => (receiver.disconnected = true));

    if (index === 0) {
      this.timeline.firstClientAt = nowMs();
      this.deadline = setTimeout(() => this.startOnce(), this.params.connectDeadlineMs);
    }
    if (this.receivers.length === this.params.clients) {
      this.timeline.allConnectedAt = nowMs();
      void this.startWhenQuiet();
    }

    const summary = await this.result;
    return { index, counts: receiver.counts(this.acceptedMeasured), summary };
  }

  private async startWhenQuiet() {
    const giveUpAt = nowMs() + MAX_QUIET_WAIT_MS;
    while (!this.started && nowMs() - this.lastPresenceAt < this.params.quietMs) {
      if (nowMs() > giveUpAt) {
        this.quietBeforeSending = false;
        break;
      }
      await sleep(POLL_MS);
    }
    this.startOnce();
  }

  private startOnce() {
    if (this.started) return;
    this.started = true;
    clearTimeout(this.deadline);
    this.begin();
  }

  private async measure(): Promise<RunSummary> {
    const { warmup, measured } = messageCounts(this.params);
    const interval = 1000 / this.params.rate;
    const start = nowMs();
    this.timeline.sendingStartedAt = start;
    this.timeline.windowStartAt = start + warmup * interval;
    this.timeline.windowEndAt = start + (warmup + measured) * interval;

    for (let seq = 0; seq < warmup + measured; seq += 1) {
      const wait = start + seq * interval - nowMs();
      if (wait > 1) await sleep(wait);
      this.send(seq, seq < warmup);
    }
    const windowLeft = this.timeline.windowEndAt - nowMs();
    if (windowLeft > 0) await sleep(windowLeft);

    const drainUntil = nowMs() + this.params.drainMs;
    while (nowMs() < drainUntil && !this.allDelivered()) await sleep(POLL_MS);
    this.drained = this.allDelivered();
    this.timeline.drainedAt = nowMs();
    return this.summarize(warmup, measured);
  }

  private send(seq: number, warmup: boolean) {
    if (this.senderSockets.length === 0) return;
    const senderIndex = seq % this.senderSockets.length;
    const socket = this.senderSockets[senderIndex];
    const text = encodeBenchMessage({ sender: senderIndex, seq, sentAt: nowMs(), warmup });
    if (!warmup) this.sends.sent += 1;
    this.pendingAcks += 1;
    socket.timeout(this.params.ackTimeoutMs).emit("chat message", text, (error: Error | null, result: unknown) => {
      this.pendingAcks -= 1;
      if (warmup) return;
      if (error) this.sends.ackTimeouts += 1;
      else if (isAccepted(result)) {
        this.sends.accepted += 1;
        this.acceptedMeasured.add(seq);
      } else {
        this.sends.rejected += 1;
        const code = (result as { error?: { code?: unknown } } | null)?.error?.code;
        const key = typeof code === "string" ? code : "unknown";
        this.sends.rejectedBy[key] = (this.sends.rejectedBy[key] ?? 0) + 1;
      }
    });
  }

  private allDelivered() {
    if (this.pendingAcks > 0) return false;
    const expected = this.acceptedMeasured.size;
    return this.receivers.every((receiver) => receiver.disconnected || receiver.received >= expected);
  }

  private summarize(warmupMessages: number, measuredMessages: number): RunSummary {
    const totals: ReceiverCounts = { delivered: 0, expected: 0, duplicates: 0, outOfOrder: 0, unexpected: 0 };
    for (const receiver of this.receivers) {
      const counts = receiver.counts(this.acceptedMeasured);
      totals.delivered += counts.delivered;
      totals.expected += counts.expected;
      totals.duplicates += counts.duplicates;
      totals.outOfOrder += counts.outOfOrder;
      totals.unexpected += counts.unexpected;
    }
    return {
      clientsRequested: this.params.clients,
      receivers: this.receivers.length,
      lateClients: this.lateClients,
      senders: this.senderSockets.length,
      disconnects: this.receivers.filter((receiver) => receiver.disconnected).length,
      quietBeforeSending: this.quietBeforeSending,
      drained: this.drained,
      warmupMessages,
      measuredMessages,
      sends: this.sends,
      totals,
      timeline: this.timeline,
    };
  }
}
