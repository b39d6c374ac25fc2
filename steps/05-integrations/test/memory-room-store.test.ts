import { describe, expect, it, vi } from "vitest";
import { DEFAULT_ROOM_ID } from "../lib/protocol";
import { createMemoryRoomStore } from "../server/rooms/memory-room-store";
import type { PublicRoomQuery, RoomLimits, RoomStore } from "../server/rooms/room-store";

const alice = { id: "u-alice", name: "Alice" };
const bob = { id: "u-bob", name: "Bob" };
const carol = { id: "u-carol", name: "Carol" };
const NO_LIMIT: RoomLimits = { perCreator: Infinity, publicRooms: Infinity, allRooms: Infinity };
const perCreator = (max: number): RoomLimits => ({ ...NO_LIMIT, perCreator: max });
const ALL_PUBLIC: PublicRoomQuery = { search: "", cursor: null, notJoinedBy: "", limit: Infinity };

/** The names of a page of public rooms. */
async function publicNames(store: RoomStore, query: Partial<PublicRoomQuery> = {}) {
  return (await store.publicRooms({ ...ALL_PUBLIC, ...query })).rooms.map((room) => room.name);
}

function clockedStore() {
  let now = 1_000;
  return createMemoryRoomStore(() => now++);
}

describe("createMemoryRoomStore", () => {
  it("starts with the default public room and no members", async () => {
    const store = clockedStore();
    expect(await store.publicRooms(ALL_PUBLIC)).toEqual({
      rooms: [expect.objectContaining({ id: DEFAULT_ROOM_ID, kind: "public" })],
      next: null,
    });
    expect(await store.members(DEFAULT_ROOM_ID)).toEqual([]);
  });

  it("creates rooms with unguessable URL-safe ids and the creator as first member", async () => {
    const store = clockedStore();
    const created = await store.create({ name: "Book club", kind: "private", creator: alice }, NO_LIMIT);
    if (!created.ok) throw new Error("not created");
    expect(created.room).toMatchObject({ name: "Book club", kind: "private", createdBy: alice.id });
    expect(created.room.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await store.get(created.room.id)).toEqual(created.room);
    expect(await store.members(created.room.id)).toEqual([alice]);
    expect(await store.isMember(created.room.id, alice.id)).toBe(true);
    expect(await store.isMember(created.room.id, bob.id)).toBe(false);
  });

  it("lists public rooms for everyone, newest first, and a person's own rooms, oldest first; private rooms only to members", async () => {
    const store = clockedStore();
    const lounge = await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT);
    const secret = await store.create({ name: "Secret", kind: "private", creator: alice }, NO_LIMIT);
    if (!lounge.ok || !secret.ok) throw new Error("not created");
    expect(await publicNames(store)).toEqual(["Lounge", DEFAULT_ROOM_ID]);
    expect((await store.roomsOf(alice.id)).map((room) => room.name)).toEqual(["Lounge", "Secret"]);
    expect(await store.roomsOf(bob.id)).toEqual([]);
  });

  it("refuses a second public room of the same name in any letter case, but not a private one", async () => {
    const store = clockedStore();
    expect((await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT)).ok).toBe(true);
    expect(await store.create({ name: "LOUNGE", kind: "public", creator: bob }, NO_LIMIT)).toEqual({
      ok: false,
      reason: "name_taken",
    });
    expect(await store.create({ name: "General", kind: "public", creator: bob }, NO_LIMIT)).toEqual({
      ok: false,
      reason: "name_taken",
    });
    expect((await store.create({ name: "lounge", kind: "private", creator: bob }, NO_LIMIT)).ok).toBe(true);
  });

  it("counts the rooms a person creates, direct messages they start included, against their limit", async () => {
    const store = clockedStore();
    expect((await store.create({ name: "One", kind: "public", creator: alice }, perCreator(2))).ok).toBe(true);
    expect((await store.findOrCreateDirect(alice, bob, perCreator(2))).ok).toBe(true);
    expect(await store.create({ name: "Three", kind: "private", creator: alice }, perCreator(2))).toEqual({
      ok: false,
      reason: "limit_reached",
    });
    expect(await store.findOrCreateDirect(alice, carol, perCreator(2))).toEqual({ ok: false, reason: "limit_reached" });
    // Finding an existing direct message again is not creating one.
    expect((await store.findOrCreateDirect(bob, alice, perCreator(0))).ok).toBe(true);
    expect((await store.create({ name: "Bob's", kind: "public", creator: bob }, perCreator(2))).ok).toBe(true);
  });

  it("finds a direct message again from either side instead of making a second one", async () => {
    const store = clockedStore();
    const first = await store.findOrCreateDirect(alice, bob, NO_LIMIT);
    const again = await store.findOrCreateDirect(bob, alice, NO_LIMIT);
    const other = await store.findOrCreateDirect(alice, carol, NO_LIMIT);
    if (!first.ok || !again.ok || !other.ok) throw new Error("not created");
    expect(again.room.id).toBe(first.room.id);
    expect(other.room.id).not.toBe(first.room.id);
    expect(first.room).toMatchObject({ kind: "direct", name: "" });
    expect(await store.members(first.room.id)).toEqual([alice, bob]);
    expect(await publicNames(store)).toEqual([DEFAULT_ROOM_ID]);
  });

  it("adds a member once and stops at the member limit", async () => {
    const store = clockedStore();
    const created = await store.create({ name: "Small", kind: "private", creator: alice }, NO_LIMIT);
    if (!created.ok) throw new Error("not created");
    const id = created.room.id;
    expect(await store.addMember(id, bob, 2)).toEqual({ ok: true, alreadyMember: false });
    expect(await store.addMember(id, bob, 2)).toEqual({ ok: true, alreadyMember: true });
    expect(await store.addMember(id, carol, 2)).toEqual({ ok: false, reason: "limit_reached" });
    expect(await store.members(id)).toEqual([alice, bob]);
  });

  it("forgets a private room when its last member leaves, but keeps an empty public room", async () => {
    const store = clockedStore();
    const secret = await store.create({ name: "Secret", kind: "private", creator: alice }, NO_LIMIT);
    const lounge = await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT);
    if (!secret.ok || !lounge.ok) throw new Error("not created");
    await store.addMember(secret.room.id, bob, Infinity);

    await store.removeMember(secret.room.id, alice.id);
    expect(await store.members(secret.room.id)).toEqual([bob]);
    await store.removeMember(secret.room.id, bob.id);
    expect(await store.get(secret.room.id)).toBeUndefined();

    await store.removeMember(lounge.room.id, alice.id);
    expect(await store.get(lounge.room.id)).toBeDefined();
    expect(await store.roomsOf(alice.id)).toEqual([]);
  });

  it("answers questions about a room that does not exist without throwing", async () => {
    const store = clockedStore();
    expect(await store.get("nope")).toBeUndefined();
    expect(await store.isMember("nope", alice.id)).toBe(false);
    expect(await store.members("nope")).toEqual([]);
    await expect(store.removeMember("nope", alice.id)).resolves.toBeUndefined();
    await expect(store.addMember("nope", alice, Infinity)).rejects.toThrow(/no room/);
  });
  it("pages public rooms newest first with a cursor, and the last page has no next cursor", async () => {
    const store = clockedStore();
    for (const name of ["Room 1", "Room 2", "Room 3", "Room 4", "Room 5"])
      await store.create({ name, kind: "public", creator: alice }, NO_LIMIT);
    const first = await store.publicRooms({ ...ALL_PUBLIC, limit: 2 });
    expect(first.rooms.map((room) => room.name)).toEqual(["Room 5", "Room 4"]);
    const second = await store.publicRooms({ ...ALL_PUBLIC, limit: 2, cursor: first.next });
    expect(second.rooms.map((room) => room.name)).toEqual(["Room 3", "Room 2"]);
    // The last page, Room 1 and the oldest room, general, says that nothing comes after it.
    const last = await store.publicRooms({ ...ALL_PUBLIC, limit: 2, cursor: second.next });
    expect(last.rooms.map((room) => room.name)).toEqual(["Room 1", DEFAULT_ROOM_ID]);
    expect(last.next).toBeNull();
    expect((await store.publicRooms({ ...ALL_PUBLIC, limit: 5 })).next).toEqual(expect.any(String));
    expect((await store.publicRooms({ ...ALL_PUBLIC, limit: 6 })).next).toBeNull();
  });

  it("keeps a page's place when rooms are created between two pages", async () => {
    const store = clockedStore();
    for (const name of ["Old 1", "Old 2", "Old 3"])
      await store.create({ name, kind: "public", creator: alice }, NO_LIMIT);
    const first = await store.publicRooms({ ...ALL_PUBLIC, limit: 2 });
    await store.create({ name: "Newer", kind: "public", creator: bob }, NO_LIMIT);
    expect(await publicNames(store, { cursor: first.next })).toEqual(["Old 1", DEFAULT_ROOM_ID]);
  });

  it("searches public room names in any letter case, and leaves out the rooms a person has joined", async () => {
    const store = clockedStore();
    for (const name of ["Book club", "Chess", "Bookbinding", "Cooking"])
      await store.create({ name, kind: "public", creator: alice }, NO_LIMIT);
    await store.create({ name: "Secret books", kind: "private", creator: alice }, NO_LIMIT);
    expect(await publicNames(store, { search: "BOOK" })).toEqual(["Bookbinding", "Book club"]);
    expect(await publicNames(store, { search: "nothing like it" })).toEqual([]);
    const chess = (await store.publicRooms({ ...ALL_PUBLIC, search: "chess" })).rooms[0];
    await store.addMember(chess.id, bob, Infinity);
    expect(await publicNames(store, { notJoinedBy: bob.id })).toEqual([
      "Cooking",
      "Bookbinding",
      "Book club",
      DEFAULT_ROOM_ID,
    ]);
    // Alice created them all, so she is a member of each.
    expect(await publicNames(store, { notJoinedBy: alice.id })).toEqual([DEFAULT_ROOM_ID]);
    const page = await store.publicRooms({ ...ALL_PUBLIC, search: "o", limit: 1, notJoinedBy: bob.id });
    expect(page.rooms.map((room) => room.name)).toEqual(["Cooking"]);
    expect(await publicNames(store, { search: "o", cursor: page.next, notJoinedBy: bob.id })).toEqual([
      "Bookbinding",
      "Book club",
    ]);
  });

  it("pages a search newest first with a cursor, whatever was created in between", async () => {
    const store = clockedStore();
    for (const name of ["Chess 1", "Book 1", "Chess 2", "Chess 3", "Book 2", "Chess 4"])
      await store.create({ name, kind: "public", creator: alice }, NO_LIMIT);
    const first = await store.publicRooms({ ...ALL_PUBLIC, search: "chess", limit: 2 });
    expect(first.rooms.map((room) => room.name)).toEqual(["Chess 4", "Chess 3"]);
    await store.create({ name: "Chess 5", kind: "public", creator: bob }, NO_LIMIT);
    const last = await store.publicRooms({ ...ALL_PUBLIC, search: "chess", limit: 2, cursor: first.next });
    expect(last).toEqual({
      rooms: [expect.objectContaining({ name: "Chess 2" }), expect.objectContaining({ name: "Chess 1" })],
      next: null,
    });
    expect(await publicNames(store, { search: "ss 5" })).toEqual(["Chess 5"]);
    expect(await publicNames(store, { search: "k 2", cursor: first.next })).toEqual([]);
  });

  it("reads only the names that can contain a search, not every public room", async () => {
    const store = clockedStore();
    for (let i = 0; i < 2_000; i++) await store.create({ name: `Room ${i}`, kind: "public", creator: alice }, NO_LIMIT);
    // The store compares a name with a search by String.prototype.includes: its calls count the names read.
    const includes = vi.spyOn(String.prototype, "includes");
    const nothing = store.publicRooms({ ...ALL_PUBLIC, search: "nothing like it" });
    const readForNothing = includes.mock.calls.length;
    const one = store.publicRooms({ ...ALL_PUBLIC, search: "ROOM 1234" });
    const readForOne = includes.mock.calls.length - readForNothing;
    includes.mockRestore();
    expect((await nothing).rooms).toEqual([]);
    expect((await one).rooms.map((room) => room.name)).toEqual(["Room 1234"]);
    expect(readForNothing).toBe(0);
    expect(readForOne).toBeLessThanOrEqual(2); // the names with its rarest piece, "234": Room 234 and Room 1234
  });

  it("answers an unknown cursor, or a private room's id as one, with an empty page", async () => {
    const store = clockedStore();
    const secret = await store.create({ name: "Secret", kind: "private", creator: alice }, NO_LIMIT);
    if (!secret.ok) throw new Error("not created");
    expect(await store.publicRooms({ ...ALL_PUBLIC, cursor: "made-up" })).toEqual({ rooms: [], next: null });
    expect(await store.publicRooms({ ...ALL_PUBLIC, cursor: secret.room.id })).toEqual({ rooms: [], next: null });
  });

  it("counts the rooms a person created that still exist: a private room that ended frees its place", async () => {
    const store = clockedStore();
    const first = await store.create({ name: "First", kind: "private", creator: alice }, perCreator(1));
    if (!first.ok) throw new Error("not created");
    expect(await store.create({ name: "Second", kind: "private", creator: alice }, perCreator(1))).toEqual({
      ok: false,
      reason: "limit_reached",
    });
    // Bob stays: the room exists, and still counts for Alice.
    await store.addMember(first.room.id, bob, Infinity);
    await store.removeMember(first.room.id, alice.id);
    expect(await store.create({ name: "Second", kind: "private", creator: alice }, perCreator(1))).toEqual({
      ok: false,
      reason: "limit_reached",
    });
    // The last one out ends it, and Alice may create another.
    await store.removeMember(first.room.id, bob.id);
    expect((await store.create({ name: "Second", kind: "private", creator: alice }, perCreator(1))).ok).toBe(true);
    expect(await store.create({ name: "Third", kind: "private", creator: alice }, perCreator(1))).toEqual({
      ok: false,
      reason: "limit_reached",
    });
  });

  it("stops at the server's limits on public rooms and on rooms of every kind, general counted", async () => {
    const store = clockedStore();
    const limits: RoomLimits = { perCreator: Infinity, publicRooms: 2, allRooms: 4 };
    expect((await store.create({ name: "Lounge", kind: "public", creator: alice }, limits)).ok).toBe(true);
    expect(await store.create({ name: "Chess", kind: "public", creator: bob }, limits)).toEqual({
      ok: false,
      reason: "store_full",
    });
    expect((await store.create({ name: "Secret", kind: "private", creator: bob }, limits)).ok).toBe(true);
    expect((await store.findOrCreateDirect(alice, bob, limits)).ok).toBe(true);
    expect(await store.create({ name: "Another", kind: "private", creator: carol }, limits)).toEqual({
      ok: false,
      reason: "store_full",
    });
    expect(await store.findOrCreateDirect(alice, carol, limits)).toEqual({ ok: false, reason: "store_full" });
    // An existing direct message is still found.
    expect((await store.findOrCreateDirect(bob, alice, limits)).ok).toBe(true);
  });

  it("keeps a person's rooms in step with joining and leaving, oldest room first", async () => {
    const store = clockedStore();
    const lounge = await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT);
    const chess = await store.create({ name: "Chess", kind: "public", creator: alice }, NO_LIMIT);
    if (!lounge.ok || !chess.ok) throw new Error("not created");
    await store.addMember(chess.room.id, bob, Infinity);
    await store.addMember(DEFAULT_ROOM_ID, bob, Infinity);
    await store.addMember(lounge.room.id, bob, Infinity);
    expect((await store.roomsOf(bob.id)).map((room) => room.name)).toEqual([DEFAULT_ROOM_ID, "Lounge", "Chess"]);
    await store.removeMember(lounge.room.id, bob.id);
    await store.removeMember(lounge.room.id, bob.id);
    expect((await store.roomsOf(bob.id)).map((room) => room.name)).toEqual([DEFAULT_ROOM_ID, "Chess"]);
  });
});
