import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ROOM_ID, type ChatMessage } from "../lib/protocol";
import {
  MAX_MEMBERS_PER_PRIVATE_ROOM,
  MAX_PUBLIC_ROOMS,
  MAX_ROOMS_PER_USER,
  PUBLIC_ROOMS_PAGE_SIZE,
  ROOM_REQUEST_RATE_LIMIT,
} from "../server/limits";
import { createMemoryRoomStore } from "../server/rooms/memory-room-store";
import type { RoomLimits, RoomStore } from "../server/rooms/room-store";
import {
  joined,
  nextEvent,
  recordEvents,
  startChatTestServer,
  type ChatTestServer,
  type TestClient,
} from "./chat-test-server";
import { createRoom, recordEverything, request, roundTrip, uniqueName, type AnswerOf } from "./room-helpers";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer();
});
afterEach(() => server.close());

const texts = (inbox: ChatMessage[]) => inbox.map((message) => message.text);
const NO_LIMIT: RoomLimits = { perCreator: Infinity, publicRooms: Infinity, allRooms: Infinity };

async function send(client: TestClient, text: string) {
  const ack = await client.emitWithAck("chat message", text);
  if (!ack.ok) throw new Error(`send: ${ack.error.code}`);
  return ack.message;
}

describe("public rooms", () => {
  it("are created with the creator as member, announced to everyone, and joined by opening them", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceTab = await server.connectClient({ user: alice });
    const aliceOtherTab = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const [aliceHears, bobHears] = [nextEvent(aliceOtherTab, "room updated"), nextEvent(bobClient, "room updated")];

    const name = uniqueName("Book club");
    const room = await createRoom(aliceTab, name, "public");
    expect(room).toEqual({
      id: expect.stringMatching(/^[\w-]{12}$/),
      name,
      kind: "public",
      member: true,
      createdBy: alice.id,
    });
    expect(await aliceHears).toEqual(room);
    expect(await bobHears).toEqual({ ...room, member: false });

    // Bob's own rooms are general only; the new room is among the public rooms he may browse.
    expect(await request(bobClient, "list rooms", {})).toEqual({
      ok: true,
      rooms: [expect.objectContaining({ id: DEFAULT_ROOM_ID, member: true })],
    });
    expect(await request(bobClient, "browse rooms", {})).toEqual({
      ok: true,
      rooms: [{ ...room, member: false }],
      next: null,
    });
    expect(await request(bobClient, "join room", { roomId: room.id })).toEqual({
      ok: true,
      room: { ...room, member: true },
    });
    expect(await server.rooms.isMember(room.id, bob.id)).toBe(true);
    expect(await request(bobClient, "list rooms", {})).toMatchObject({
      ok: true,
      rooms: [{ id: DEFAULT_ROOM_ID }, { id: room.id, member: true }],
    });
    expect(await request(bobClient, "browse rooms", {})).toEqual({ ok: true, rooms: [], next: null });
  });

  it("keep messages in their room: members with another room open hear only that something came", async () => {
    const [alice, bob, carol] = [
      await server.signUp("Alice"),
      await server.signUp("Bob"),
      await server.signUp("Carol"),
    ];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const carolClient = await server.connectClient({ user: carol });
    const room = await createRoom(aliceClient, uniqueName("Lounge"), "public");
    await joined(aliceClient, room.id);
    await joined(bobClient, room.id);
    const inboxes = [aliceClient, bobClient, carolClient].map((client) => recordEvents(client, "chat message"));
    const activity = [aliceClient, bobClient, carolClient].map((client) => recordEvents(client, "room activity"));

    const inLounge = await send(aliceClient, "in the lounge");
    const inGeneral = await send(carolClient, "in general");

    expect(inLounge.roomId).toBe(room.id);
    expect(inGeneral.roomId).toBe(DEFAULT_ROOM_ID);
    await expect.poll(() => texts(inboxes[1])).toEqual(["in the lounge"]);
    await Promise.all([aliceClient, bobClient, carolClient].map(roundTrip));
    expect(texts(inboxes[0])).toEqual(["in the lounge"]);
    expect(texts(inboxes[2])).toEqual(["in general"]);
    // Alice and Bob are members of general too, with the lounge open: a count, not the message.
    expect(activity[0]).toEqual([{ roomId: DEFAULT_ROOM_ID }]);
    expect(activity[1]).toEqual([{ roomId: DEFAULT_ROOM_ID }]);
    // Carol is not a member of the lounge: she hears nothing of it. Nobody hears of their own messages.
    expect(activity[2]).toEqual([]);
  });

  it("refuses a second public room with a name in use, in any letter case", async () => {
    const client = await server.connectClient();
    const name = uniqueName("Lounge");
    await createRoom(client, name, "public");
    expect(await request(client, "create room", { name: name.toUpperCase(), kind: "public" })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("can be left, except general; leaving closes the room in every tab of that person", async () => {
    const alice = await server.signUp("Alice");
    const [tab1, tab2] = [await server.connectClient({ user: alice }), await server.connectClient({ user: alice })];
    const room = await createRoom(tab1, uniqueName("Lounge"), "public");
    await joined(tab2, room.id);
    const update = nextEvent(tab2, "room updated");

    expect(await request(tab1, "leave room", { roomId: room.id })).toEqual({ ok: true });
    expect(await update).toEqual({ ...room, member: false });
    // Out of the person's own rooms, back among those to browse.
    expect(await request(tab1, "list rooms", {})).toMatchObject({ ok: true, rooms: [{ id: DEFAULT_ROOM_ID }] });
    expect(await request(tab1, "browse rooms", {})).toEqual({
      ok: true,
      rooms: [{ ...room, member: false }],
      next: null,
    });
    expect(await tab2.emitWithAck("chat message", "still here?")).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await request(tab1, "leave room", { roomId: DEFAULT_ROOM_ID })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await request(tab1, "leave room", { roomId: room.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});

describe("opening a room", () => {
  it("closes the room open before, even when the new one is refused", async () => {
    const [sender, watcher] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(watcher, "chat message");

    expect(await request(watcher, "join room", { roomId: "no-such-room" })).toEqual({
      ok: false,
      error: { code: "not_found", message: expect.any(String) },
    });
    await send(sender, "after the refused join");
    await roundTrip(watcher);
    expect(inbox).toEqual([]);
    expect(await watcher.emitWithAck("chat message", "where does this go?")).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("handles one connection's requests in order: the last room asked for is the one open", async () => {
    const client = await server.connectClient();
    const rooms = [
      await createRoom(client, uniqueName("A"), "public"),
      await createRoom(client, uniqueName("B"), "public"),
    ];
    const answers = await Promise.all([
      request(client, "join room", { roomId: rooms[0].id }),
      request(client, "join room", { roomId: rooms[1].id }),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await send(client, "which room?")).toMatchObject({ roomId: rooms[1].id });
  });

  it("does not leave a connection in a room whose membership ended while the join was being checked", async () => {
    // A store in which the membership ends (a "leave room" in another tab) just after the join's first check.
    const store = createMemoryRoomStore();
    let leaveAfterCheck = false;
    const racingStore: RoomStore = {
      ...store,
      async isMember(roomId, userId) {
        const member = await store.isMember(roomId, userId);
        if (member && leaveAfterCheck) {
          leaveAfterCheck = false;
          await store.removeMember(roomId, userId);
        }
        return member;
      },
    };
    await server.close();
    server = await startChatTestServer({ rooms: racingStore });
    const alice = await server.connectClient();
    const room = await createRoom(alice, uniqueName("Secret"), "private");
    await joined(alice, room.id);
    const bobUser = await server.signUp("Bob");
    await store.addMember(room.id, { id: bobUser.id, name: bobUser.name }, Infinity);
    const bobClient = await server.connectClient({ user: bobUser });
    const inbox = recordEvents(bobClient, "chat message");

    leaveAfterCheck = true;
    expect(await request(bobClient, "join room", { roomId: room.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    await send(alice, "after Bob left");
    await roundTrip(bobClient);
    expect(inbox).toEqual([]);
  });

  it("is needed before sending: a new connection has no room open", async () => {
    const client = await server.connectClient({ room: null });
    expect(await client.emitWithAck("chat message", "hello?")).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});

describe("private rooms", () => {
  it("are seen and opened by members only; an invitation makes someone a member", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const bobHeard = recordEverything(bobClient);

    const room = await createRoom(aliceClient, uniqueName("Secret"), "private");
    expect(room).toMatchObject({ kind: "private", member: true, members: [{ id: alice.id, name: alice.name }] });
    await joined(aliceClient, room.id);
    await send(aliceClient, "before Bob was invited");
    await roundTrip(bobClient);
    expect(bobHeard.filter(({ event }) => event !== "presence" && event !== "user joined")).toEqual([]);
    expect(await request(bobClient, "join room", { roomId: room.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });

    const bobLearns = nextEvent(bobClient, "room updated");
    const invited = await request(aliceClient, "invite to room", { roomId: room.id, who: bob.email.toUpperCase() });
    const withBob = {
      ...room,
      members: [
        { id: alice.id, name: alice.name },
        { id: bob.id, name: bob.name },
      ],
    };
    expect(invited).toEqual({ ok: true, room: withBob, invited: { id: bob.id, name: bob.name } });
    expect(await bobLearns).toEqual(withBob);

    // Invited is not open: Bob's connection counts the room's messages but does not receive them until he opens it.
    const bobMessages = recordEvents(bobClient, "chat message");
    const activity = nextEvent(bobClient, "room activity");
    await send(aliceClient, "Bob has not opened the room yet");
    expect(await activity).toEqual({ roomId: room.id });
    await joined(bobClient, room.id);
    await send(aliceClient, "now he has");
    await expect.poll(() => texts(bobMessages)).toEqual(["now he has"]);
  });

  it("invite by exact name, and refuse an unknown person, a name several people share, and a full room", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceClient = await server.connectClient({ user: alice });
    const room = await createRoom(aliceClient, uniqueName("Secret"), "private");

    expect(await request(aliceClient, "invite to room", { roomId: room.id, who: bob.name })).toMatchObject({
      ok: true,
      invited: { id: bob.id },
    });
    expect(await request(aliceClient, "invite to room", { roomId: room.id, who: "nobody@example.test" })).toMatchObject(
      {
        ok: false,
        error: { code: "not_found" },
      },
    );
    const twinName = `Twin ${Date.now()}`;
    const { internalAdapter } = await server.auth.$context;
    for (const twin of [await server.signUp(), await server.signUp()])
      await internalAdapter.updateUser(twin.id, { name: twinName });
    expect(await request(aliceClient, "invite to room", { roomId: room.id, who: twinName })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });

    for (let i = (await server.rooms.members(room.id)).length; i < MAX_MEMBERS_PER_PRIVATE_ROOM; i++) {
      await server.rooms.addMember(room.id, { id: `filler-${i}`, name: `Filler ${i}` }, Infinity);
    }
    const carol = await server.signUp("Carol");
    expect(await request(aliceClient, "invite to room", { roomId: room.id, who: carol.email })).toMatchObject({
      ok: false,
      error: { code: "limit_reached" },
    });
  });

  it("cannot be invited to by someone who is not a member, and public rooms and direct messages take no invitations", async () => {
    const [alice, bob, mallory] = [
      await server.signUp("Alice"),
      await server.signUp("Bob"),
      await server.signUp("Mallory"),
    ];
    const aliceClient = await server.connectClient({ user: alice });
    const malloryClient = await server.connectClient({ user: mallory });
    const secret = await createRoom(aliceClient, uniqueName("Secret"), "private");
    const lounge = await createRoom(aliceClient, uniqueName("Lounge"), "public");
    const direct = await request(aliceClient, "open direct", { userId: bob.id });
    if (!direct.ok) throw new Error("no direct message");

    for (const who of [mallory.email, bob.email]) {
      expect(await request(malloryClient, "invite to room", { roomId: secret.id, who })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    expect(await request(aliceClient, "invite to room", { roomId: lounge.id, who: bob.email })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await request(aliceClient, "invite to room", { roomId: direct.room.id, who: mallory.email })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await server.rooms.members(secret.id)).toEqual([{ id: alice.id, name: alice.name }]);
  });

  it("leaving takes the room from the leaver's list and updates the members of the others; the last one out ends it", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const room = await createRoom(aliceClient, uniqueName("Secret"), "private");
    await request(aliceClient, "invite to room", { roomId: room.id, who: bob.email });
    await joined(bobClient, room.id);

    const [removed, updated] = [nextEvent(bobClient, "room removed"), nextEvent(aliceClient, "room updated")];
    expect(await request(bobClient, "leave room", { roomId: room.id })).toEqual({ ok: true });
    expect(await removed).toEqual({ roomId: room.id });
    expect(await updated).toEqual({ ...room, members: [{ id: alice.id, name: alice.name }] });
    expect(await request(bobClient, "join room", { roomId: room.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });

    expect(await request(aliceClient, "leave room", { roomId: room.id })).toEqual({ ok: true });
    expect(await server.rooms.get(room.id)).toBeUndefined();
  });
});

describe("direct messages", () => {
  it("are found again from either side rather than duplicated, and carry messages between the two only", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const bystander = await server.connectClient();
    const bobLearns = nextEvent(bobClient, "room updated");

    const opened = await request(aliceClient, "open direct", { userId: bob.id });
    if (!opened.ok) throw new Error("not opened");
    const people = [
      { id: alice.id, name: alice.name },
      { id: bob.id, name: bob.name },
    ];
    expect(opened.room).toEqual({ id: expect.any(String), name: "", kind: "direct", member: true, members: people });
    expect(await bobLearns).toEqual(opened.room);
    expect(await request(bobClient, "open direct", { userId: alice.id })).toEqual(opened);
    expect(await request(aliceClient, "open direct", { userId: bob.id })).toEqual(opened);

    await joined(aliceClient, opened.room.id);
    await joined(bobClient, opened.room.id);
    const [bobInbox, bystanderInbox] = [
      recordEvents(bobClient, "chat message"),
      recordEvents(bystander, "chat message"),
    ];
    await send(aliceClient, "just between us");
    await expect.poll(() => texts(bobInbox)).toEqual(["just between us"]);
    await roundTrip(bystander);
    expect(bystanderInbox).toEqual([]);
    expect(await request(bobClient, "leave room", { roomId: opened.room.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("need someone else who exists", async () => {
    const alice = await server.signUp("Alice");
    const client = await server.connectClient({ user: alice });
    expect(await request(client, "open direct", { userId: alice.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await request(client, "open direct", { userId: "nobody-has-this-id" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});

describe("browsing public rooms", () => {
  it("answers a page at a time, newest first, with a cursor for the next page", async () => {
    const creator = { id: "someone-else", name: "Someone" };
    for (let i = 1; i <= PUBLIC_ROOMS_PAGE_SIZE + 3; i++)
      await server.rooms.create({ name: `Room ${i}`, kind: "public", creator }, NO_LIMIT);
    const client = await server.connectClient(); // in general, so general is not among the rooms to browse

    const first = await request(client, "browse rooms", {});
    if (!first.ok) throw new Error(first.error.message);
    expect(first.rooms).toHaveLength(PUBLIC_ROOMS_PAGE_SIZE);
    expect(first.rooms[0]).toEqual({
      id: expect.any(String),
      name: `Room ${PUBLIC_ROOMS_PAGE_SIZE + 3}`,
      kind: "public",
      member: false,
      createdBy: creator.id,
    });
    expect(first.next).toEqual(expect.any(String));
    const second = await request(client, "browse rooms", { cursor: first.next ?? "" });
    expect(second).toMatchObject({
      ok: true,
      rooms: [{ name: "Room 3" }, { name: "Room 2" }, { name: "Room 1" }],
      next: null,
    });
  });

  it("searches names in any letter case; a bad search or cursor is refused, an unknown cursor finds nothing", async () => {
    const creator = { id: "someone-else", name: "Someone" };
    for (const name of ["Book club", "Chess", "Bookbinding", "Old books", "Cooking"])
      await server.rooms.create({ name, kind: "public", creator }, NO_LIMIT);
    await server.rooms.create({ name: "Secret books", kind: "private", creator }, NO_LIMIT);
    const client = await server.connectClient();
    const names = (result: AnswerOf<"browse rooms">) =>
      result.ok ? result.rooms.map((room) => room.name) : result.error.code;

    expect(names(await request(client, "browse rooms", { search: "  BOOK " }))).toEqual([
      "Old books",
      "Bookbinding",
      "Book club",
    ]);
    expect(names(await request(client, "browse rooms", { search: "nothing like it" }))).toEqual([]);
    expect(await request(client, "browse rooms", { search: "x".repeat(41) })).toMatchObject({
      ok: false,
      error: { code: "invalid_payload" },
    });
    expect(await request(client, "browse rooms", { cursor: "not a cursor!" })).toMatchObject({
      ok: false,
      error: { code: "invalid_payload" },
    });
    expect(await request(client, "browse rooms", { cursor: "made-up-cursor" })).toEqual({
      ok: true,
      rooms: [],
      next: null,
    });
  });
});

describe("limits", () => {
  it(`refuses a person's room number ${MAX_ROOMS_PER_USER + 1}, direct messages they start included`, async () => {
    const alice = await server.signUp("Alice");
    const bob = await server.signUp("Bob");
    const client = await server.connectClient({ user: alice });
    for (let i = 0; i < MAX_ROOMS_PER_USER; i++) {
      await server.rooms.create(
        { name: `Room ${i}`, kind: "private", creator: { id: alice.id, name: alice.name } },
        NO_LIMIT,
      );
    }
    expect(await request(client, "create room", { name: "One too many", kind: "private" })).toMatchObject({
      ok: false,
      error: { code: "limit_reached" },
    });
    expect(await request(client, "open direct", { userId: bob.id })).toMatchObject({
      ok: false,
      error: { code: "limit_reached" },
    });
  });

  it("counts the rooms that exist: ending a private room one created frees its place", async () => {
    const alice = await server.signUp("Alice");
    const client = await server.connectClient({ user: alice });
    for (let i = 1; i < MAX_ROOMS_PER_USER; i++) {
      await server.rooms.create(
        { name: `Room ${i}`, kind: "private", creator: { id: alice.id, name: alice.name } },
        NO_LIMIT,
      );
    }
    const last = await createRoom(client, "The last one", "private");
    expect(await request(client, "create room", { name: "One too many", kind: "private" })).toMatchObject({
      ok: false,
      error: { code: "limit_reached", message: expect.stringContaining(`${MAX_ROOMS_PER_USER} rooms`) },
    });
    // Alice is its only member: leaving ends the room, and her limit counts one room fewer.
    expect(await request(client, "leave room", { roomId: last.id })).toEqual({ ok: true });
    expect(await request(client, "create room", { name: "In its place", kind: "private" })).toMatchObject({ ok: true });
    expect(await request(client, "create room", { name: "One too many", kind: "private" })).toMatchObject({
      ok: false,
    });
  });

  it(`refuses public room number ${MAX_PUBLIC_ROOMS + 1} on the server, general counted, with a clear error`, async () => {
    // Many people each under their own limit, as a flood of accounts would be.
    for (let i = 1; i < MAX_PUBLIC_ROOMS; i++) {
      const creator = { id: `flood-${Math.floor(i / MAX_ROOMS_PER_USER)}`, name: "Flood" };
      expect((await server.rooms.create({ name: `Flood ${i}`, kind: "public", creator }, NO_LIMIT)).ok).toBe(true);
    }
    const client = await server.connectClient();
    expect(await request(client, "create room", { name: "One too many", kind: "public" })).toEqual({
      ok: false,
      error: {
        code: "limit_reached",
        message: expect.stringMatching(/as many public rooms as it keeps.*private room/),
      },
    });
    expect(await request(client, "create room", { name: "Private is fine", kind: "private" })).toMatchObject({
      ok: true,
    });
  });

  it("rate-limits room requests per connection, without affecting others", async () => {
    const [flooder, other] = [await server.connectClient({ room: null }), await server.connectClient()];
    const answers = await Promise.all(
      Array.from({ length: ROOM_REQUEST_RATE_LIMIT.burst * 2 }, () => request(flooder, "list rooms", {})),
    );
    expect(answers.slice(0, ROOM_REQUEST_RATE_LIMIT.burst).every((answer) => answer.ok)).toBe(true);
    expect(answers).toContainEqual({ ok: false, error: { code: "rate_limited", message: expect.any(String) } });
    expect((await request(other, "list rooms", {})).ok).toBe(true);
  });
});
