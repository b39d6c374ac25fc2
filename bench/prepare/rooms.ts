// Step 03 ("rooms"): a message goes to one room, so every client must join the same room before the measurement.
//
// NOT IMPLEMENTED YET: the rooms protocol (event name, payload, ack) is defined by step 03, which does not exist
// while this is written. When it lands, replace `unsupported` by an `afterConnect` that emits the join event for
// one shared room (e.g. "bench") and resolves on its ack, rejects on an error ack — the type of `afterConnect` in
// FeaturePreparation says what it gets. Until then the benchmark refuses to run a stage with rooms rather than
// measure clients that are not in the room.
import type { FeaturePreparation } from "./feature-preparation";

export const roomsPreparation: FeaturePreparation = {
  unsupported:
    'The benchmark cannot join a room yet: implement afterConnect in bench/prepare/rooms.ts for step 03\'s "rooms" protocol.',
};
