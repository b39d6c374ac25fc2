import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "../lib/auth-rules";
import { DEFAULT_ROOM_ID } from "../lib/protocol";
import { MAX_MENTIONS_PER_MESSAGE } from "../server/limits";
import { mentionCandidates } from "../server/mentions";
import { createMemoryRoomStore } from "../server/rooms/memory-room-store";
import { joined, recordEvents, startChatTestServer, type ChatTestServer } from "./chat-test-server";
import { createRoom, roundTrip, uniqueName } from "./room-helpers";

describe("mentionCandidates", () => {
  it("offers every run of words after an @, in lower case, since names may hold spaces", () => {
    expect(mentionCandidates("hi @Ada Lovelace, how")).toEqual([
      "ada",
      "ada lovelace",
      "ada lovelace,",
      "ada lovelace, how",
    ]);
    expect(mentionCandidates("@bob")).toEqual(["bob"]);
  });

  it("finds nothing in email addresses or code", () => {
    expect(mentionCandidates("write to ada@example.com")).toEqual([]);
    expect(mentionCandidates("`@ada` and\n```\n@bob\n```")).toEqual([]);
  });

  it(`stops at ${MAX_NAME_LENGTH} characters after an @, and after ${MAX_MENTIONS_PER_MESSAGE} @s`, () => {
    const long = mentionCandidates(`@${"a ".repeat(100)}`);
    expect(Math.max(...long.map((candidate) => candidate.length))).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    const many = mentionCandidates(Array.from({ length: 50 }, (_, i) => `@p${i}`).join(" "));
    const last = MAX_MENTIONS_PER_MESSAGE - 1;
    expect(many.some((candidate) => candidate.startsWith(`p${last}`))).toBe(true);
    expect(many.some((candidate) => candidate.startsWith(`p${last + 1}`))).toBe(false);
  });

  it("takes little time on a hostile text of the longest kind", () => {
    for (const text of ["@".repeat(2000), "`".repeat(2000), "```" + "@a ".repeat(600), "@a".repeat(1000)]) {
      expect(mentionCandidates(text).length).toBeLessThanOrEqual(MAX_MENTIONS_PER_MESSAGE * MAX_NAME_LENGTH);
    }
  });
});

describe("the room store finds members by name", () => {
  it("in any letter case, only among the room's members, and forgets those who left", async () => {
    const store = createMemoryRoomStore();
    const ada = { id: "u-ada", name: "Ada Lovelace" };
    const bob = { id: "u-bob", name: "Bob" };
    await store.addMember(DEFAULT_ROOM_ID, ada, Infinity);
    const created = await store.create(
      { name: "Club", kind: "public", creator: bob },
      {
        perCreator: 10,
        publicRooms: 10,
        allRooms: 10,
      },
    );
    if (!created.ok) throw new Error("not created");
    expect(await store.membersNamed(DEFAULT_ROOM_ID, ["ada lovelace", "bob", "ada"])).toEqual([ada]);
    expect(await store.membersNamed(created.room.id, ["bob"])).toEqual([bob]);
    await store.removeMember(DEFAULT_ROOM_ID, ada.id);
    expect(await store.membersNamed(DEFAULT_ROOM_ID, ["ada lovelace"])).toEqual([]);
  });
});

describe("mentions over the socket", () => {
  let server: ChatTestServer;
  beforeEach(async () => {
    server = await startChatTestServer();
  });
  afterEach(() => server.close());

  it("come with the message, and the mentioned member with another room open hears of the mention", async () => {
    const [alice, bob, carol, dave] = await Promise.all(["Alice", "Bob", "Carol", "Dave"].map((n) => server.signUp(n)));
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const carolClient = await server.connectClient({ user: carol });
    const room = await createRoom(aliceClient, uniqueName("Lounge"), "public");
    await joined(aliceClient, room.id);
    await joined(bobClient, room.id);
    await joined(carolClient, room.id);
    await joined(bobClient, DEFAULT_ROOM_ID);
    await joined(carolClient, DEFAULT_ROOM_ID);
    const activity = [aliceClient, bobClient, carolClient].map((client) => recordEvents(client, "room activity"));

    // Dave is no member of the room: naming him mentions nobody. Alice naming herself tells nobody.
    const text = `hey @${bob.name.toUpperCase()} and @${dave.name}, says @${alice.name}`;
    const ack = await aliceClient.emitWithAck("chat message", text);

    const person = (user: typeof bob) => ({ id: user.id, name: user.name });
    expect(ack).toMatchObject({ ok: true, message: { text, mentions: [person(bob), person(alice)] } });
    await Promise.all([aliceClient, bobClient, carolClient].map(roundTrip));
    expect(activity[0]).toEqual([]);
    expect(activity[1]).toEqual([{ roomId: room.id, mentioned: true }]);
    expect(activity[2]).toEqual([{ roomId: room.id }]);
  });

  it("with the room open, the mentioned member gets the message with its mentions and no activity", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const messages = recordEvents(bobClient, "chat message");
    const activity = recordEvents(bobClient, "room activity");
    await aliceClient.emitWithAck("chat message", `@${bob.name} look`);
    await expect.poll(() => messages.map((message) => message.mentions)).toEqual([[{ id: bob.id, name: bob.name }]]);
    await roundTrip(bobClient);
    expect(activity).toEqual([]);
  });
});
