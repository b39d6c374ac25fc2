import type { Socket } from "socket.io-client";

// The part of the chat's contract the benchmark uses, written from the client's side. The bench does not import a
// step's lib/protocol.ts: steps stand alone, and later steps add fields the benchmark does not need.

export interface BenchServerEvents {
  "chat message": (message: unknown) => void;
  presence: (update: unknown) => void;
  /** Steps 02+: above 200 online, who came and went, batched every 2 s. */
  "presence update": (update: unknown) => void;
  "user joined": (update: unknown) => void;
  "user left": (update: unknown) => void;
  /** Step 03: a room in this user's list changed (e.g. members joined). */
  "room updated": (room: unknown) => void;
}

export interface BenchClientEvents {
  "chat message": (text: string, ack: (result: unknown) => void) => void;
  /** Step 03: opens a room on this connection (bench/prepare/rooms.ts). */
  "join room": (request: { roomId: string }, ack: (result: unknown) => void) => void;
  /** Step 03: public rooms by name, and a new one (bench/prepare/integrations.ts). */
  "browse rooms": (request: { search: string }, ack: (result: unknown) => void) => void;
  "create room": (request: { name: string; kind: "public" }, ack: (result: unknown) => void) => void;
  /** Step 05: connects a room the user created to a webhook (bench/prepare/integrations.ts). */
  "add integration": (
    request: { roomId: string; kind: "webhook"; url: string },
    ack: (result: unknown) => void,
  ) => void;
}

/** A socket.io-client socket as both load generators hold it (Artillery's engine creates one per virtual user). */
export type BenchSocket = Socket<BenchServerEvents, BenchClientEvents>;

/** Events that mean the crowd is still changing: the run waits until none has arrived for a while. */
export const PRESENCE_EVENTS = ["presence", "presence update", "user joined", "user left", "room updated"] as const;

/** The server accepted the message (and so broadcast it): `{ ok: true, … }`. */
export function isAccepted(result: unknown): boolean {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true;
}
