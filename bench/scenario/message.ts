// The text a benchmark sender puts in a chat message: who sent it, its place in the run, and when it left.
// Compact JSON keeps it small (≈60 bytes) and lets a receiver recognise a benchmark message among others.

export interface BenchMessage {
  /** Sender index (0 … senders-1). */
  sender: number;
  /** Global sequence number of the message in this run (0, 1, 2 … in send order). */
  seq: number;
  /** Send time in ms since the epoch (performance.timeOrigin + performance.now()). */
  sentAt: number;
  /** Sent during warm-up: delivered but not measured. */
  warmup: boolean;
}

interface WireForm {
  b: 1;
  s: number;
  q: number;
  t: number;
  w: 0 | 1;
}

export function encodeBenchMessage(message: BenchMessage): string {
  const wire: WireForm = { b: 1, s: message.sender, q: message.seq, t: message.sentAt, w: message.warmup ? 1 : 0 };
  return JSON.stringify(wire);
}

/** The benchmark message inside a received chat message's text, or undefined for anything else. */
export function decodeBenchMessage(text: string): BenchMessage | undefined {
  if (!text.startsWith('{"b":1')) return undefined;
  try {
    const wire = JSON.parse(text) as Partial<WireForm>;
    if (typeof wire.s !== "number" || typeof wire.q !== "number" || typeof wire.t !== "number") return undefined;
    return { sender: wire.s, seq: wire.q, sentAt: wire.t, warmup: wire.w === 1 };
  } catch {
    return undefined;
  }
}

/** The text of a broadcast chat message (step 01: `{ id, text, sentAt }`; later steps add fields around it). */
export function broadcastText(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const text = (payload as { text?: unknown }).text;
  return typeof text === "string" ? text : undefined;
}
