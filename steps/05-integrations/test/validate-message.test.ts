import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH } from "../lib/protocol";
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
  ])("rejects %j as %s", (input, code) => {
    expect(parseMessageText(input)).toMatchObject({ ok: false, error: { code } });
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
