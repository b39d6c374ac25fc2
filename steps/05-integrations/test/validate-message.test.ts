import { describe, expect, it } from "vitest";
import { messageBudget } from "../lib/message-budget";
import { MAX_MESSAGE_BYTES, MAX_MESSAGE_LENGTH } from "../lib/protocol";
import { parseMessageArgs, parseMessageText } from "../server/validate-message";

describe("parseMessageText", () => {
  it("accepts text up to the limit, unchanged", () => {
    expect(parseMessageText("  hi  ")).toEqual({ ok: true, text: "  hi  " });
    expect(parseMessageText("é".repeat(MAX_MESSAGE_LENGTH)).ok).toBe(true);
  });

  it.each([
    [undefined, "invalid_payload"],
    [["array"], "invalid_payload"],
    [new Date(0), "invalid_payload"],
    ["\n \t", "empty_message"],
    ["\u200B\u200D\uFEFF", "empty_message"],
    ["a".repeat(MAX_MESSAGE_LENGTH + 1), "message_too_long"],
    ["語".repeat(Math.floor(MAX_MESSAGE_BYTES / 3) + 1), "message_too_long"],
  ])("rejects %j as %s", (input, code) => {
    expect(parseMessageText(input)).toMatchObject({ ok: false, error: { code } });
  });
});

describe("messageBudget", () => {
  it("counts the markdown source against the tighter of its two limits", () => {
    expect(messageBudget("**hi**")).toEqual({ left: MAX_MESSAGE_LENGTH - 6, unit: "characters" });
    expect(messageBudget("x".repeat(MAX_MESSAGE_LENGTH + 2))).toEqual({ left: -2, unit: "characters" });
    // Three bytes each: beyond 1,000 of them, bytes run out first.
    expect(messageBudget("語".repeat(1200))).toEqual({ left: MAX_MESSAGE_BYTES - 3600, unit: "bytes" });
    expect(messageBudget("😀".repeat(MAX_MESSAGE_LENGTH / 2)).left).toBe(0); // two characters, four bytes each
  });
});

describe("parseMessageArgs", () => {
  it("takes exactly one payload, the text", () => {
    expect(parseMessageArgs(["hi"])).toEqual({ ok: true, text: "hi" });
    expect(parseMessageArgs([42])).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
  });

  it.each([[[]], [["hi", "extra"]], [["hi", { author: "someone else" }]]])("refuses the payloads %j", (payloads) => {
    expect(parseMessageArgs(payloads)).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
  });
});
