import { describe, expect, it } from "vitest";
import type { RoomSummary } from "../lib/protocol";
import {
  initialPublicRoomsState,
  publicRoomsReducer,
  type PublicRoomsAction,
  type PublicRoomsState,
} from "../lib/public-rooms-reducer";

const room = (id: string, name: string): RoomSummary => ({ id, name, kind: "public", member: false });
const [chess, books, cooking] = [room("r1", "Chess"), room("r2", "Book club"), room("r3", "Cooking")];
const run = (...actions: PublicRoomsAction[]): PublicRoomsState =>
  actions.reduce(publicRoomsReducer, initialPublicRoomsState);

describe("publicRoomsReducer", () => {
  it("shows the first page, adds the next pages, and keeps a room that came twice once", () => {
    const state = run(
      { type: "page", rooms: [cooking, books], next: "r2", more: false },
      { type: "updated", room: room("r4", "Brand new") },
      { type: "page", rooms: [chess, room("r4", "Brand new")], next: null, more: true },
    );
    expect(state.rooms?.map((shown) => shown.id)).toEqual(["r4", "r3", "r2", "r1"]);
    expect(state.next).toBeNull();
  });

  it("starts again from a new search's first page", () => {
    const state = run(
      { type: "page", rooms: [cooking, books], next: "r2", more: false },
      { type: "searched", search: "book" },
      { type: "page", rooms: [books], next: null, more: false },
    );
    expect(state).toMatchObject({ search: "book", rooms: [books], next: null });
  });

  it("puts an announced room on top only when it matches the search, and takes a joined or removed one off", () => {
    let state = run({ type: "searched", search: "CLUB" }, { type: "page", rooms: [books], next: null, more: false });
    state = publicRoomsReducer(state, { type: "updated", room: room("r5", "Chess club") });
    state = publicRoomsReducer(state, { type: "updated", room: room("r6", "Knitting") });
    expect(state.rooms?.map((shown) => shown.name)).toEqual(["Chess club", "Book club"]);
    state = publicRoomsReducer(state, { type: "updated", room: { ...books, member: true } });
    state = publicRoomsReducer(state, { type: "removed", roomId: "r5" });
    expect(state.rooms).toEqual([]);
    // Private rooms and direct messages are never browsed.
    state = publicRoomsReducer(state, {
      type: "updated",
      room: { id: "p1", name: "Club secret", kind: "private", member: false },
    });
    expect(state.rooms).toEqual([]);
  });

  it("ignores announcements until the first page is there, which has them anyway, and keeps the list on a failure", () => {
    expect(run({ type: "updated", room: chess }).rooms).toBeNull();
    const state = run(
      { type: "page", rooms: [chess], next: null, more: false },
      { type: "failed", message: "No answer." },
    );
    expect(state).toMatchObject({ rooms: [chess], error: "No answer." });
    expect(publicRoomsReducer(state, { type: "page", rooms: [], next: null, more: false }).error).toBeNull();
  });
});
