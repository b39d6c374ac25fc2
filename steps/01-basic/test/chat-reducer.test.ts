import { describe, expect, it } from "vitest";
import { chatReducer, initialChatState, MAX_ITEMS, type ChatAction, type ChatState } from "../lib/chat-reducer";

const message = (id: string, text = `text ${id}`) => ({ id, text, sentAt: 1_700_000_000_000 });
const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChatState);

describe("chatReducer", () => {
  it("shows a sent message as pending, then as sent with the server's id", () => {
    const pending = run({ type: "sending", key: "local-1", text: "hi", at: 1 });
    expect(pending.items).toEqual([expect.objectContaining({ key: "local-1", delivery: "pending" })]);

    const sent = chatReducer(pending, { type: "sent", key: "local-1", message: message("m1", "hi") });
    expect(sent.items).toEqual([
      expect.objectContaining({ key: "local-1", delivery: "sent", message: message("m1", "hi") }),
    ]);
  });

  it("shows the sender's own broadcast copy once, whichever of ack and broadcast comes first", () => {
    const ackFirst = run(
      { type: "sending", key: "local-1", text: "hi", at: 1 },
      { type: "sent", key: "local-1", message: message("m1", "hi") },
      { type: "received", message: message("m1", "hi") },
    );
    const broadcastFirst = run(
      { type: "sending", key: "local-1", text: "hi", at: 1 },
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
      { type: "sending", key: "local-1", text: "hi", at: 1 },
      { type: "failed", key: "local-1", error: "Slow down" },
    );
    expect(state.items[0]).toMatchObject({ delivery: "failed", error: "Slow down" });
  });

  it("records notices with unique keys and the latest online count", () => {
    const state = run(
      { type: "presence", online: 1 },
      { type: "notice", text: "Someone joined", at: 1, online: 2 },
      { type: "notice", text: "Someone joined", at: 2, online: 3 },
    );
    expect(state.online).toBe(3);
    expect(new Set(state.items.map((item) => item.key)).size).toBe(2);
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
