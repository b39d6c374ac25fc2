import { describeOverBudget, messageBudget } from "../lib/message-budget";
import type { ChatError } from "../lib/protocol";

/** White space and the zero-width characters that render as nothing: a message of only these is empty. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

export type ParsedText = { ok: true; text: string } | { ok: false; error: ChatError };

/** Checks a message text that came off the wire; the server trusts nothing a client sends. */
export function parseMessageText(input: unknown): ParsedText {
  if (typeof input !== "string") {
    return { ok: false, error: { code: "invalid_payload", message: "A message must be a string." } };
  }
  if (input.replace(INVISIBLE, "") === "") {
    return { ok: false, error: { code: "empty_message", message: "A message cannot be empty." } };
  }
  // Both limits count the markdown source, as sent and kept, not the text it renders to.
  const budget = messageBudget(input);
  if (budget.left < 0) return { ok: false, error: { code: "message_too_long", message: describeOverBudget(budget) } };
  return { ok: true, text: input };
}

/** Checks a "chat message" event's payloads (its ack taken off): exactly one, the text. */
export function parseMessageArgs(payloads: unknown[]): ParsedText {
  if (payloads.length !== 1) {
    return {
      ok: false,
      error: { code: "invalid_payload", message: '"chat message" takes one text and an ack callback.' },
    };
  }
  return parseMessageText(payloads[0]);
}
