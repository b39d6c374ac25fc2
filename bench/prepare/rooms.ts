// Step 03 ("rooms"): a message goes to the room open on the sender's connection, and arrives only on connections
// that have that room open. Every client therefore opens the same public room — "general", the one everybody
// lands in — with the `join room` event before it is counted in, and the measured broadcast is a room broadcast.
import { isAccepted, type BenchSocket } from "../scenario/bench-socket";
import type { FeaturePreparation } from "./feature-preparation";

/** Step 03's DEFAULT_ROOM_ID: the public room that always exists. */
export const BENCH_ROOM_ID = "general";
const JOIN_TIMEOUT_MS = 10_000;

async function joinBenchRoom(socket: BenchSocket): Promise<void> {
  const result: unknown = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck("join room", { roomId: BENCH_ROOM_ID });
  if (!isAccepted(result)) throw new Error(`join room "${BENCH_ROOM_ID}" refused: ${JSON.stringify(result)}`);
}

export const roomsPreparation: FeaturePreparation = {
  afterConnect: joinBenchRoom,
};
