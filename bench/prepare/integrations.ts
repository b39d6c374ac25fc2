// Step 05 ("integrations"): every message of a connected room is also forwarded, after its broadcast, to the room's
// integrations. The measured room is therefore a public room of its own, "bench integrations", connected to one
// signed webhook whose receiver (started by the runner on the loopback, bench/runner/slow-receiver.ts) answers each
// request only after SLOW_RECEIVER_DELAY_MS: deliveries queue up, time out and retry while the chat is measured.
// The first client to arrive creates the room and connects it; every client then opens it (after general).
// The bare Socket.IO baseline runs the stage's handler without integrations: there the connection is refused
// (an unknown event) and the same room is measured without one.
import { isAccepted, type BenchSocket } from "../scenario/bench-socket";
import type { FeaturePreparation } from "./feature-preparation";

const ROOM_NAME = "bench integrations";
const ACK_TIMEOUT_MS = 10_000;
/** Set by the runner for the target and inherited by the load generators: the slow receiver's loopback origin. */
export const RECEIVER_ORIGIN_VARIABLE = "INTEGRATIONS_TEST_ORIGIN";

async function findRoom(socket: BenchSocket): Promise<string | undefined> {
  const page = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("browse rooms", { search: ROOM_NAME })) as {
    rooms?: { id: string; name: string }[];
  };
  return page.rooms?.find((room) => room.name === ROOM_NAME)?.id;
}

async function openConnectedRoom(socket: BenchSocket): Promise<void> {
  const origin = process.env[RECEIVER_ORIGIN_VARIABLE];
  if (!origin) throw new Error(`${RECEIVER_ORIGIN_VARIABLE} is not set: run the benchmark through npm run bench`);
  let roomId = await findRoom(socket);
  if (roomId === undefined) {
    const created = (await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("create room", { name: ROOM_NAME, kind: "public" })) as { ok: boolean; room?: { id: string } };
    roomId = created.room?.id ?? (await findRoom(socket)); // another client created it first
    if (created.room) {
      const url = `${origin}/slow/${created.room.id}`;
      await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck("add integration", { roomId: created.room.id, kind: "webhook", url });
    }
  }
  if (roomId === undefined) throw new Error(`the room "${ROOM_NAME}" was neither found nor created`);
  const joined: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("join room", { roomId });
  if (!isAccepted(joined)) throw new Error(`join room "${ROOM_NAME}" refused: ${JSON.stringify(joined)}`);
}

export const integrationsPreparation: FeaturePreparation = {
  afterConnect: openConnectedRoom,
};
