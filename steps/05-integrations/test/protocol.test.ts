import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, MAX_MESSAGE_LENGTH, type ChatMessage, type SendResult } from "../lib/protocol";
import { MAX_FRAME_BYTES, MESSAGE_RATE_LIMIT, PERSON_MESSAGE_RATE_LIMIT, REFUSALS_LIMIT } from "../server/limits";
import { nextEvent, recordEvents, startChatTestServer, type ChatTestServer, type TestClient } from "./chat-test-server";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer();
});
afterEach(() => server.close());

type RawEmitter = { emit: (event: string, ...args: unknown[]) => void };

/** Emits a raw payload (as a hostile client could) and resolves with the server's ack. */
function sendRaw(client: TestClient, ...args: unknown[]): Promise<SendResult> {
  return (client.timeout(5000) as unknown as { emitWithAck: (...a: unknown[]) => Promise<SendResult> }).emitWithAck(
    "chat message",
    ...args,
  );
}

/**
 * Proves that nothing reached `inbox` (recording since before the bad input): a valid message sent now must be the
 * only one the observer ends up with, as Socket.IO keeps the order of packets on one connection.
 */
async function expectNothingBroadcast(sender: TestClient, inbox: ChatMessage[]) {
  const sentinel = `sentinel ${Math.random()}`;
  expect((await sender.emitWithAck("chat message", sentinel)).ok).toBe(true);
  await expect.poll(() => inbox.some((message) => message.text === sentinel)).toBe(true);
  expect(inbox.map((message) => message.text)).toEqual([sentinel]);
}

describe("chat message", () => {
  it("is broadcast once to every client in its room, sender included, and acked with the stored message", async () => {
    const alice = await server.signUp("Alice");
    const clients = [await server.connectClient({ user: alice })];
    clients.push(...(await Promise.all(Array.from({ length: 4 }, () => server.connectClient()))));
    const inboxes = clients.map((client) => recordEvents(client, "chat message"));

    const ack = await clients[0].emitWithAck("chat message", "hello everyone");

    expect(ack).toEqual({
      ok: true,
      message: {
        id: expect.any(String),
        roomId: "general",
        author: { id: alice.id, name: alice.name },
        text: "hello everyone",
        mentions: [],
        sentAt: expect.any(Number),
      },
    });
    if (!ack.ok) throw new Error("unreachable");
    for (const inbox of inboxes) await expect.poll(() => inbox.length).toBe(1);
    for (const inbox of inboxes) expect(inbox).toEqual([ack.message]);
  });

  it("keeps the order in which one client sent its messages", async () => {
    const [sender, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");
    const texts = ["one", "two", "three", "four", "five"];
    await Promise.all(texts.map((text) => sender.emitWithAck("chat message", text)));
    await expect.poll(() => inbox.length).toBe(texts.length);
    expect(inbox.map((message) => message.text)).toEqual(texts);
  });

  it.each([
    ["a number", 42, "invalid_payload"],
    ["an object", { text: "hi" }, "invalid_payload"],
    ["null", null, "invalid_payload"],
    ["an empty string", "", "empty_message"],
    ["only whitespace", "  \n\t ", "empty_message"],
    ["an over-long text", "x".repeat(MAX_MESSAGE_LENGTH + 1), "message_too_long"],
    ["a text over the byte limit", "€".repeat(Math.floor(MAX_MESSAGE_BYTES / 3) + 1), "message_too_long"],
  ])("rejects %s with an error ack and broadcasts nothing", async (_name, payload, code) => {
    const [sender, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");

    const ack = await sendRaw(sender, payload);

    expect(ack).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    await expectNothingBroadcast(sender, inbox);
  });

  it.each([
    ["an extra argument before the ack", ["hello", "extra"]],
    ["a claimed author after the text", ["hello", { author: { id: "x", name: "Someone" } }]],
    ["no text at all", []],
  ])("answers %s with invalid_payload and broadcasts nothing", async (_name, args) => {
    const [sender, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");

    expect(await sendRaw(sender, ...args)).toEqual({
      ok: false,
      error: { code: "invalid_payload", message: expect.any(String) },
    });
    await expectNothingBroadcast(sender, inbox);
  });

  it("accepts a text of exactly the maximum length, in characters or in bytes", async () => {
    const client = await server.connectClient();
    expect((await client.emitWithAck("chat message", "y".repeat(MAX_MESSAGE_LENGTH))).ok).toBe(true);
    expect((await client.emitWithAck("chat message", "€".repeat(Math.floor(MAX_MESSAGE_BYTES / 3)))).ok).toBe(true);
  });

  it("refuses an over-long text with the budget in the error", async () => {
    const client = await server.connectClient();
    expect(await client.emitWithAck("chat message", "x".repeat(MAX_MESSAGE_LENGTH + 5))).toEqual({
      ok: false,
      error: {
        code: "message_too_long",
        message: `A message can be at most ${MAX_MESSAGE_LENGTH} characters and ${MAX_MESSAGE_BYTES} bytes: this one is 5 characters over.`,
      },
    });
    const ack = await client.emitWithAck("chat message", "€".repeat(Math.floor(MAX_MESSAGE_BYTES / 3) + 1));
    expect(ack).toMatchObject({ ok: false, error: { message: expect.stringMatching(/this one is 2 bytes over\.$/) } });
  });

  it("keeps markdown source as it was typed: the server neither renders nor escapes it", async () => {
    const [sender, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");
    const source = '**bold** <script>alert("x")</script> [link](javascript:alert(1)) & &amp;';
    const ack = await sender.emitWithAck("chat message", source);
    expect(ack).toMatchObject({ ok: true, message: { text: source } });
    await expect.poll(() => inbox.map((message) => message.text)).toEqual([source]);
  });

  it("rate-limits a client that floods, without affecting others", async () => {
    const [flooder, other] = [await server.connectClient(), await server.connectClient()];
    const attempts = MESSAGE_RATE_LIMIT.burst * 3;
    const acks = await Promise.all(
      Array.from({ length: attempts }, (_, i) => flooder.emitWithAck("chat message", `flood ${i}`)),
    );

    expect(acks.slice(0, MESSAGE_RATE_LIMIT.burst).every((ack) => ack.ok)).toBe(true);
    const limited = acks.filter((ack) => !ack.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited).toContainEqual({ ok: false, error: { code: "rate_limited", message: expect.any(String) } });
    expect((await other.emitWithAck("chat message", "still allowed")).ok).toBe(true);
  });

  it("rate-limits a person across all of their connections, without affecting others", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const tabs = await Promise.all(Array.from({ length: 5 }, () => server.connectClient({ user: alice })));
    // Each tab stays within its own burst; together they send far more than one person may.
    const acks = await Promise.all(
      tabs.flatMap((tab, t) =>
        Array.from({ length: MESSAGE_RATE_LIMIT.burst }, (_, i) => tab.emitWithAck("chat message", `tab ${t}: ${i}`)),
      ),
    );

    const accepted = acks.filter((ack) => ack.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(PERSON_MESSAGE_RATE_LIMIT.burst);
    expect(accepted).toBeLessThan(acks.length);
    expect(acks).toContainEqual({ ok: false, error: { code: "rate_limited", message: expect.any(String) } });
    const bobClient = await server.connectClient({ user: bob });
    expect((await bobClient.emitWithAck("chat message", "not limited by Alice")).ok).toBe(true);
  });
});

describe("hostile input", () => {
  it("answers an unknown event that asks for an ack with an error, and broadcasts nothing", async () => {
    const [client, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");
    const raw = client as unknown as { emitWithAck: (event: string, ...args: unknown[]) => Promise<SendResult> };

    const ack = await raw.emitWithAck("delete everything", "please");

    expect(ack).toEqual({ ok: false, error: { code: "unknown_event", message: expect.any(String) } });
    await expectNothingBroadcast(client, inbox);
  });

  it("ignores an unknown event without an ack and keeps the connection", async () => {
    const client = await server.connectClient();
    (client as unknown as { emit: (event: string, ...args: unknown[]) => void }).emit("admin", { drop: "tables" });
    expect((await client.emitWithAck("chat message", "still here")).ok).toBe(true);
    expect(client.connected).toBe(true);
  });

  it("closes only the connection that sends a frame over the size limit", async () => {
    const [attacker, bystander] = [await server.connectClient(), await server.connectClient()];
    const closed = new Promise<string>((resolve) => attacker.once("disconnect", resolve));

    attacker.emit("chat message", "z".repeat(MAX_FRAME_BYTES * 2), () => {});

    expect(await closed).toMatch(/transport (close|error)/);
    expect(bystander.connected).toBe(true);
    expect((await bystander.emitWithAck("chat message", "business as usual")).ok).toBe(true);
    const newcomer = await server.connectClient();
    expect((await newcomer.emitWithAck("chat message", "the server still serves")).ok).toBe(true);
  });

  it("counts invalid messages against the rate limit too", async () => {
    const client = await server.connectClient();
    const invalid = await Promise.all(Array.from({ length: MESSAGE_RATE_LIMIT.burst }, () => sendRaw(client, 42)));
    expect(invalid.every((ack) => !ack.ok && ack.error.code === "invalid_payload")).toBe(true);
    expect(await client.emitWithAck("chat message", "valid, but too late")).toEqual({
      ok: false,
      error: { code: "rate_limited", message: expect.any(String) },
    });
  });

  it.each([
    [
      "invalid messages without an ack",
      (client: TestClient) => (client as unknown as RawEmitter).emit("chat message", 42),
    ],
    ["unknown events", (client: TestClient) => (client as unknown as RawEmitter).emit("no such event", "x")],
  ])("disconnects a connection that keeps sending %s, and only that one", async (_name, misbehave) => {
    const [offender, bystander] = [await server.connectClient(), await server.connectClient()];
    const closed = new Promise<string>((resolve) => offender.once("disconnect", resolve));

    for (let i = 0; i < REFUSALS_LIMIT.burst * 2; i++) misbehave(offender);

    expect(await closed).toBe("io server disconnect");
    expect((await bystander.emitWithAck("chat message", "unaffected")).ok).toBe(true);
  });

  it("survives a message without an ack callback and still broadcasts valid ones", async () => {
    const [sender, observer] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(observer, "chat message");
    const raw = sender as unknown as { emit: (event: string, ...args: unknown[]) => void };
    raw.emit("chat message", 12345);
    raw.emit("chat message", "fire and forget");
    await expect.poll(() => inbox.map((message) => message.text)).toEqual(["fire and forget"]);
  });
});

describe("presence", () => {
  it("tells a newcomer who is online and announces arrivals and departures, with names, to the others", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const first = await server.connectClient({ user: alice });
    const joined = nextEvent(first, "user joined");

    const second = server.createClient({ user: bob });
    const presence = nextEvent(second, "presence");
    second.connect();
    const everyone = [
      { id: alice.id, name: alice.name },
      { id: bob.id, name: bob.name },
    ];
    expect(await presence).toEqual({ online: 2, users: everyone });
    expect(await joined).toEqual({ user: everyone[1], online: 2 });

    const left = nextEvent(first, "user left");
    second.disconnect();
    expect(await left).toEqual({ user: everyone[1], online: 1 });
  });

  it("counts a person with two tabs once: no notice for the second tab, and they leave with the last one", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const observer = await server.connectClient({ user: alice });
    const joinedNotices = recordEvents(observer, "user joined");
    const leftNotices = recordEvents(observer, "user left");

    const bobTab1 = await server.connectClient({ user: bob });
    const bobTab2 = server.createClient({ user: bob });
    const presence = nextEvent(bobTab2, "presence");
    bobTab2.connect();
    expect(await presence).toEqual({
      online: 2,
      users: [
        { id: alice.id, name: alice.name },
        { id: bob.id, name: bob.name },
      ],
    });

    bobTab1.disconnect();
    await expect.poll(() => server.io.of("/").sockets.size).toBe(2);
    // Whatever the server sent the observer when Bob's first tab closed arrives before this ack.
    expect((await observer.emitWithAck("chat message", "is Bob still here?")).ok).toBe(true);
    expect(joinedNotices).toHaveLength(1);
    expect(leftNotices).toEqual([]);

    const left = nextEvent(observer, "user left");
    bobTab2.disconnect();
    expect(await left).toEqual({ user: { id: bob.id, name: bob.name }, online: 1 });
  });
});
