import { describe, expect, it } from "vitest";
import { chatReducer, initialChatState, MAX_ITEMS, type ChatAction, type ChatState } from "../lib/chat-reducer";
import { PRESENCE_LIST_MAX } from "../lib/protocol";

const alice = { id: "u-alice", name: "Alice" };
const bob = { id: "u-bob", name: "Bob" };
const message = (id: string, text = `text ${id}`) => ({ id, author: alice, text, sentAt: 1_700_000_000_000 });
const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChatState);

describe("chatReducer", () => {
  it("shows a sent message as pending under its author, then as sent with the server's id", () => {
    const pending = run({ type: "sending", key: "local-1", author: alice, text: "hi", at: 1 });
    expect(pending.items).toEqual([expect.objectContaining({ key: "local-1", delivery: "pending" })]);
    expect(pending.items[0]).toMatchObject({ message: { author: alice, text: "hi" } });

    const sent = chatReducer(pending, { type: "sent", key: "local-1", message: message("m1", "hi") });
    expect(sent.items).toEqual([
      expect.objectContaining({ key: "local-1", delivery: "sent", message: message("m1", "hi") }),
    ]);
  });

  it("shows the sender's own broadcast copy once, whichever of ack and broadcast comes first", () => {
    const ackFirst = run(
      { type: "sending", key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "sent", key: "local-1", message: message("m1", "hi") },
      { type: "received", message: message("m1", "hi") },
    );
    const broadcastFirst = run(
      { type: "sending", key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "received", message: message("m1", "hi") },
      { type: "sent", key: "local-1", message: message("m1", "hi") },
    );
    for (const state of [ackFirst, broadcastFirst]) {
      expect(state.items.filter((item) => item.kind === "message")).toHaveLength(1);
      expect(state.items[0]).toMatchObject({ delivery: "sent", message: message("m1", "hi") });
    }
  });

  it("marks a message the server refused as failed, with the reason", () => {
    const state = run(
      { type: "sending", key: "local-1", author: alice, text: "hi", at: 1 },
      { type: "failed", key: "local-1", error: "Slow down" },
    );
    expect(state.items[0]).toMatchObject({ delivery: "failed", error: "Slow down" });
  });

  it("keeps the online list and count in step with arrivals and departures, with a named notice for each", () => {
    const state = run(
      { type: "presence", online: 1, users: [alice] },
      { type: "user joined", user: bob, online: 2, at: 1 },
      { type: "user left", user: bob, online: 1, at: 2 },
      { type: "user joined", user: bob, online: 2, at: 3 },
    );
    expect(state.online).toBe(2);
    expect(state.users).toEqual([alice, bob]);
    expect(state.items.map((item) => (item.kind === "notice" ? item.text : ""))).toEqual([
      "Bob joined",
      "Bob left",
      "Bob joined",
    ]);
    expect(new Set(state.items.map((item) => item.key)).size).toBe(3);
  });

  it("lists a person once even if told twice that they joined", () => {
    const state = run(
      { type: "presence", online: 2, users: [alice, bob] },
      { type: "user joined", user: bob, online: 2, at: 1 },
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
    expect(state.items).toEqual([]);
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
    expect(state.items).toHaveLength(MAX_ITEMS);
    expect(state.items[0]).toMatchObject({ key: "m5" });
  });
});
