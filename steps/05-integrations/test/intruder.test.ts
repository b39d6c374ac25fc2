import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ROOM_ID, type ChatMessage } from "../lib/protocol";
import { joined, recordEvents, startChatTestServer, type ChatTestServer } from "./chat-test-server";
import { createRoom, recordEverything, request, roundTrip, sendRaw, uniqueName } from "./room-helpers";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer();
});
afterEach(() => server.close());

describe("an intruder: signed in, connected, not a member", () => {
  it("gets nothing of a private room or a direct message while its members talk, whatever it tries", async () => {
    const [alice, bob, mallory] = [
      await server.signUp("Alice"),
      await server.signUp("Bob"),
      await server.signUp("Mallory"),
    ];
    const aliceClient = await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    // A raw socket.io-client, as a program would hold it; it records every event the server sends it.
    const intruder = await server.connectClient({ user: mallory });
    const overheard = recordEverything(intruder);

    const secretName = uniqueName("Secret plans");
    const secret = await createRoom(aliceClient, secretName, "private");
    await request(aliceClient, "invite to room", { roomId: secret.id, who: bob.email });
    const direct = await request(aliceClient, "open direct", { userId: bob.id });
    if (!direct.ok) throw new Error("no direct message");
    const bobInbox = recordEvents(bobClient, "chat message");

    // The members talk, in the private room and in their direct message.
    const talk = async (roomId: string, text: string) => {
      await joined(aliceClient, roomId);
      await joined(bobClient, roomId);
      expect((await aliceClient.emitWithAck("chat message", text)).ok).toBe(true);
      await expect.poll(() => bobInbox.some((message) => message.text === text)).toBe(true);
    };
    await talk(secret.id, "the secret is 42");

    // Every way in is refused, with the same answer an unknown room gets: nothing tells the room exists.
    const unknown = await request(intruder, "join room", { roomId: "AbCdEfGhIjKl" });
    expect(unknown).toEqual({ ok: false, error: { code: "not_found", message: expect.any(String) } });
    for (const roomId of [secret.id, direct.room.id]) {
      expect(await request(intruder, "join room", { roomId })).toEqual(unknown);
      expect(await request(intruder, "leave room", { roomId })).toEqual(unknown);
      expect(await request(intruder, "invite to room", { roomId, who: mallory.email })).toEqual(unknown);
    }
    // Socket.IO's own room names are not room ids, and the server has no event that joins a Socket.IO room.
    for (const roomId of [`room:${secret.id}`, `members:${secret.id}`]) {
      expect(await request(intruder, "join room", { roomId })).toMatchObject({
        ok: false,
        error: { code: "invalid_payload" },
      });
    }
    for (const event of ["join", "subscribe", "room:join"]) {
      expect(await sendRaw(intruder, event, `room:${secret.id}`)).toMatchObject({
        ok: false,
        error: { code: "unknown_event" },
      });
    }
    // A message carrying a room id is refused; the intruder's own text goes to its own open room only. (The
    // refused joins closed the room it had open, general, so it opens that again.)
    await joined(intruder, DEFAULT_ROOM_ID);
    expect(await sendRaw(intruder, "chat message", { roomId: secret.id, text: "let me in" })).toMatchObject({
      ok: false,
      error: { code: "invalid_payload" },
    });
    const ownMessage = await intruder.emitWithAck("chat message", "hello?");
    expect(ownMessage).toMatchObject({ ok: true, message: { roomId: DEFAULT_ROOM_ID } });
    // Starting a direct message with Alice gives Mallory her own, not Alice and Bob's.
    const ownDirect = await request(intruder, "open direct", { userId: alice.id });
    expect(ownDirect).toMatchObject({ ok: true, room: { kind: "direct" } });
    if (ownDirect.ok) expect(ownDirect.room.id).not.toBe(direct.room.id);

    // The members keep talking, and change the private room's members, while the intruder listens.
    await talk(direct.room.id, "just between us two");
    await talk(secret.id, "the second secret is 43");
    await request(bobClient, "leave room", { roomId: secret.id });
    await request(aliceClient, "invite to room", { roomId: secret.id, who: bob.email });

    const listed = await request(intruder, "list rooms", {});
    expect(listed.ok && listed.rooms.map((room) => room.id)).not.toContain(secret.id);
    // Browsing shows public rooms only, whatever it searches for and whichever cursor it makes up.
    for (const query of [
      {},
      { search: secretName },
      { search: "secret" },
      { cursor: secret.id },
      { cursor: direct.room.id },
    ]) {
      expect(await request(intruder, "browse rooms", query)).toEqual({ ok: true, rooms: [], next: null });
    }
    await roundTrip(intruder);
    const everything = JSON.stringify(overheard);
    for (const secretThing of [secret.id, direct.room.id, secretName, "secret is", "between us"]) {
      expect(everything).not.toContain(secretThing);
    }
    const messages = overheard
      .filter(({ event }) => event === "chat message")
      .map(({ payload }) => (payload as ChatMessage).text);
    expect(messages).toEqual(["hello?"]);
  });
});
