import { describe, expect, it } from "vitest";
import type { RoomSummary } from "../lib/protocol";
import { initialRoomsState, roomsReducer, type RoomsAction, type RoomsState } from "../lib/rooms-reducer";

const general: RoomSummary = { id: "general", name: "general", kind: "public", member: true };
const lounge: RoomSummary = { id: "lounge1", name: "Lounge", kind: "public", member: false };
const run = (...actions: RoomsAction[]): RoomsState => actions.reduce(roomsReducer, initialRoomsState);

describe("roomsReducer", () => {
  it("takes the server's list, then adds and replaces rooms as they change", () => {
    const state = run(
      { type: "listed", rooms: [general, lounge] },
      { type: "updated", room: { ...lounge, member: true } },
      { type: "updated", room: { id: "dm1", name: "", kind: "direct", member: true, members: [] } },
    );
    expect(state.rooms?.map((room) => [room.id, room.member])).toEqual([
      ["general", true],
      ["lounge1", true],
      ["dm1", true],
    ]);
  });

  it("counts activity per room until the room is read, and forgets a removed room with its count", () => {
    const state = run(
      { type: "listed", rooms: [general, lounge] },
      { type: "activity", roomId: "lounge1" },
      { type: "activity", roomId: "lounge1" },
      { type: "activity", roomId: "general" },
      { type: "read", roomId: "general" },
    );
    expect(state.unread).toEqual({ lounge1: 2, general: 0 });
    const removed = roomsReducer(state, { type: "removed", roomId: "lounge1" });
    expect(removed.rooms).toEqual([general]);
    expect(removed.unread).toEqual({ general: 0 });
  });
  it("marks a room where a message mentions this person until it is read, or removed", () => {
    const state = run(
      { type: "listed", rooms: [general, lounge] },
      { type: "activity", roomId: "lounge1", mentioned: true },
      { type: "activity", roomId: "lounge1" },
      { type: "activity", roomId: "general" },
    );
    expect(state.mentioned).toEqual({ lounge1: true });
    expect(state.unread).toEqual({ lounge1: 2, general: 1 });
    expect(roomsReducer(state, { type: "read", roomId: "lounge1" }).mentioned).toEqual({ lounge1: false });
    expect(roomsReducer(state, { type: "removed", roomId: "lounge1" }).mentioned).toEqual({});
  });

  it("keeps only rooms this person is a member of: a public room they left, or someone else created, is not theirs", () => {
    const state = run(
      { type: "listed", rooms: [general, { ...lounge, member: true }] },
      { type: "activity", roomId: "lounge1" },
      { type: "updated", room: { id: "new1", name: "New", kind: "public", member: false } },
      { type: "updated", room: lounge },
    );
    expect(state.rooms).toEqual([general]);
    expect(state.unread).toEqual({});
  });
});
