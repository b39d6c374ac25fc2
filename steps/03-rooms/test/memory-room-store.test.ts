import { describe, expect, it } from "vitest";
import { DEFAULT_ROOM_ID } from "../lib/protocol";
import { createMemoryRoomStore } from "../server/rooms/memory-room-store";

const alice = { id: "u-alice", name: "Alice" };
const bob = { id: "u-bob", name: "Bob" };
const carol = { id: "u-carol", name: "Carol" };
const NO_LIMIT = Infinity;

function clockedStore() {
  let now = 1_000;
  return createMemoryRoomStore(() => now++);
}

describe("createMemoryRoomStore", () => {
  it("starts with the default public room and no members", async () => {
    const store = clockedStore();
    expect(await store.publicRooms()).toEqual([expect.objectContaining({ id: DEFAULT_ROOM_ID, kind: "public" })]);
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

  it("lists public rooms for everyone and a person's own rooms, oldest first; private rooms only to members", async () => {
    const store = clockedStore();
    const lounge = await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT);
    const secret = await store.create({ name: "Secret", kind: "private", creator: alice }, NO_LIMIT);
    if (!lounge.ok || !secret.ok) throw new Error("not created");
    expect((await store.publicRooms()).map((room) => room.name)).toEqual([DEFAULT_ROOM_ID, "Lounge"]);
    expect((await store.roomsOf(alice.id)).map((room) => room.name)).toEqual(["Lounge", "Secret"]);
    expect(await store.roomsOf(bob.id)).toEqual([]);
  });

  it("refuses a second public room of the same name in any letter case, but not a private one", async () => {
    const store = clockedStore();
    expect((await store.create({ name: "Lounge", kind: "public", creator: alice }, NO_LIMIT)).ok).toBe(true);
    expect(await store.create({ name: "LOUNGE", kind: "public", creator: bob }, NO_LIMIT)).toEqual({ ok: false, reason: "name_taken" });
    expect(await store.create({ name: "General", kind: "public", creator: bob }, NO_LIMIT)).toEqual({ ok: false, reason: "name_taken" });
    expect((await store.create({ name: "lounge", kind: "private", creator: bob }, NO_LIMIT)).ok).toBe(true);
  });

  it("counts the rooms a person creates, direct messages they start included, against their limit", async () => {
    const store = clockedStore();
    expect((await store.create({ name: "One", kind: "public", creator: alice }, 2)).ok).toBe(true);
    expect((await store.findOrCreateDirect(alice, bob, 2)).ok).toBe(true);
    expect(await store.create({ name: "Three", kind: "private", creator: alice }, 2)).toEqual({ ok: false, reason: "limit_reached" });
    expect(await store.findOrCreateDirect(alice, carol, 2)).toEqual({ ok: false, reason: "limit_reached" });
    // Finding an existing direct message again is not creating one.
    expect((await store.findOrCreateDirect(bob, alice, 0)).ok).toBe(true);
    expect((await store.create({ name: "Bob's", kind: "public", creator: bob }, 2)).ok).toBe(true);
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
    expect(await store.publicRooms()).toHaveLength(1);
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
    await store.addMember(secret.room.id, bob, NO_LIMIT);

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
    await expect(store.addMember("nope", alice, NO_LIMIT)).rejects.toThrow(/no room/);
  });
});
