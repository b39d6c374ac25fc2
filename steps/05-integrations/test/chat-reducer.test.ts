import { describe, expect, it } from "vitest";
import { chatReducer, initialChatState, MAX_ITEMS, type ChatAction, type ChatState } from "../lib/chat-reducer";
import { PRESENCE_LIST_MAX } from "../lib/protocol";

const alice = { id: "u-alice", name: "Alice" };
const bob = { id: "u-bob", name: "Bob" };
const ROOM = "general";
const message = (id: string, text = `text ${id}`, roomId = ROOM) => ({
  id,
  roomId,
  author: alice,
  text,
  mentions: [],
  sentAt: 1_700_000_000_000,
});
const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChatState);
const items = (state: ChatState, roomId = ROOM) => state.logs[roomId] ?? [];

describe("chatReducer", () => {
  it("shows a sent message as pending under its author, then as sent with the server's id", () => {
    const pending = run({ type: "sending", roomId: ROOM, key: "local-1", author: alice, text: "hi", at: 1 });
    expect(items(pending)).toEqual([expect.objectContaining({ key: "local-1", delivery: "pending" })]);
    expect(items(pending)[0]).toMatchObject({ message: { author: alice, text: "hi", mentions: [] } });

    const sent = chatReducer(pending, { type: "sent", roomId: ROOM, key: "local-1", message: message("m1", "hi") });
    expect(items(sent)).toEqual([
      expect.objectContaining({ key: "local-1", delivery: "sent", message: message("m1", "hi") }),
    ]);
  });

  it("shows the sender's own broadcast copy once, whichever of ack and broadcast comes first", () => {
    const ackFirst = run(
      { type: "sending", roomId: ROOM, key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "sent", roomId: ROOM, key: "local-1", message: message("m1", "hi") },
      { type: "received", message: message("m1", "hi") },
    );
    const broadcastFirst = run(
      { type: "sending", roomId: ROOM, key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "received", message: message("m1", "hi") },
      { type: "sent", roomId: ROOM, key: "local-1", message: message("m1", "hi") },
    );
    for (const state of [ackFirst, broadcastFirst]) {
      expect(items(state).filter((item) => item.kind === "message")).toHaveLength(1);
      expect(items(state)[0]).toMatchObject({ delivery: "sent", message: message("m1", "hi") });
    }
  });

  it("marks a message the server refused as failed, with the reason", () => {
    const state = run(
      { type: "sending", roomId: ROOM, key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "failed", roomId: ROOM, key: "local-1", error: "Slow down" },
    );
    expect(items(state)[0]).toMatchObject({ delivery: "failed", error: "Slow down" });
  });

  it("keeps the online list and count in step with arrivals and departures, with a named notice for each", () => {
    const state = run(
      { type: "presence", online: 1, users: [alice] },
      { type: "user joined", roomId: ROOM, user: bob, online: 2, at: 1 },
      { type: "user left", roomId: ROOM, user: bob, online: 1, at: 2 },
      { type: "user joined", roomId: ROOM, user: bob, online: 2, at: 3 },
    );
    expect(state.online).toBe(2);
    expect(state.users).toEqual([alice, bob]);
    expect(items(state).map((item) => (item.kind === "notice" ? item.text : ""))).toEqual([
      "Bob joined",
      "Bob left",
      "Bob joined",
    ]);
    expect(new Set(items(state).map((item) => item.key)).size).toBe(3);
  });

  it("lists a person once even if told twice that they joined", () => {
    const state = run(
      { type: "presence", online: 2, users: [alice, bob] },
      { type: "user joined", roomId: ROOM, user: bob, online: 2, at: 1 },
    );
    expect(state.users).toEqual([alice, bob]);
  });

  it("applies a crowd's batched update: the server's count, who came and went, no notice, no one twice", () => {
    const carol = { id: "u-carol", name: "Carol" };
    const state = run(
      { type: "presence", online: 2, users: [alice, bob] },
      // A newcomer's snapshot may already hold what the next batch reports: applying it again changes nothing.
      { type: "presence update", online: 2, joined: [carol, bob], left: [alice, { id: "u-gone", name: "Gone" }] },
    );
    expect(state.online).toBe(2);
    expect(state.users).toEqual([bob, carol]);
    expect(Object.values(state.logs).flat()).toEqual([]);
  });

  it(`lists at most ${PRESENCE_LIST_MAX} people however many join, while the count stays exact`, () => {
    const crowd = Array.from({ length: PRESENCE_LIST_MAX + 10 }, (_, i) => ({ id: `u-${i}`, name: `Person ${i}` }));
    const state = run(
      { type: "presence", online: 1, users: [alice] },
      { type: "presence update", online: crowd.length + 1, joined: crowd, left: [] },
    );
    expect(state.online).toBe(crowd.length + 1);
    expect(state.users).toHaveLength(PRESENCE_LIST_MAX);
    expect(state.users[0]).toEqual(alice);
  });

  it(`keeps only the latest ${MAX_ITEMS} lines`, () => {
    const actions = Array.from({ length: MAX_ITEMS + 5 }, (_, i): ChatAction => ({
      type: "received",
      message: message(`m${i}`),
    }));
    const state = run(...actions);
    expect(items(state)).toHaveLength(MAX_ITEMS);
    expect(items(state)[0]).toMatchObject({ key: "m5" });
  });

  it("keeps each room's lines apart: a message lands in its own room's log, a notice in the room open then", () => {
    const state = run(
      { type: "received", message: message("m1", "in general") },
      { type: "received", message: message("m2", "in the book club", "book-club") },
      { type: "sending", roomId: "book-club", key: "local-1", author: alice, text: "me too", at: 1 },
      { type: "user joined", roomId: "book-club", user: bob, online: 2, at: 2 },
      { type: "user left", roomId: null, user: bob, online: 1, at: 3 },
    );
    expect(items(state).map((item) => item.key)).toEqual(["m1"]);
    expect(items(state, "book-club").map((item) => (item.kind === "message" ? item.message.text : item.text))).toEqual([
      "in the book club",
      "me too",
      "Bob joined",
    ]);
    expect(state.online).toBe(1); // a notice with no room open is not shown, but the count still changes

    const acked = chatReducer(state, {
      type: "sent",
      roomId: "book-club",
      key: "local-1",
      message: message("m3", "me too", "book-club"),
    });
    expect(items(acked, "book-club")[1]).toMatchObject({ delivery: "sent", message: { id: "m3" } });
    expect(items(acked)).toBe(items(state));
  });
});
