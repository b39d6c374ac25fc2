import { createMemoryRoomStore } from "./memory-room-store";
import type { RoomStore } from "./room-store";

// The custom server (compiled by tsc into dist/) and Next's pages (bundled by Next into .next/) each load their own
// copy of this module, so a module-level variable would give each its own store: the page would not know the rooms
// the sockets created. Both copies run in one Node process and share `globalThis`, so the store is kept there,
// under a key that cannot collide with anything else.
const STORE_KEY = Symbol.for("chat-workshop.room-store");

type WithRoomStore = typeof globalThis & { [STORE_KEY]?: RoomStore };

/** The process's one room store, created by whichever copy asks first: the chat server and the pages share it. */
export function sharedRoomStore(): RoomStore {
  const global = globalThis as WithRoomStore;
  global[STORE_KEY] ??= createMemoryRoomStore();
  return global[STORE_KEY];
}
