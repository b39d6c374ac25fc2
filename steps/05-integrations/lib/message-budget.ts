import { MAX_MESSAGE_BYTES, MAX_MESSAGE_LENGTH } from "./protocol";

const utf8 = new TextEncoder();

/** What is left of a message's budget under the tighter of its two limits; negative when over. */
export interface MessageBudget {
  left: number;
  unit: "characters" | "bytes";
}

/** The budget of a message's markdown source: the composer shows it near the limit, the server refuses beyond it. */
export function messageBudget(text: string): MessageBudget {
  const characters = MAX_MESSAGE_LENGTH - text.length;
  const bytes = MAX_MESSAGE_BYTES - utf8.encode(text).length;
  return bytes < characters ? { left: bytes, unit: "bytes" } : { left: characters, unit: "characters" };
}

/** The refusal of an over-long message, with the budget. */
export function describeOverBudget({ left, unit }: MessageBudget): string {
  return `A message can be at most ${MAX_MESSAGE_LENGTH} characters and ${MAX_MESSAGE_BYTES} bytes: this one is ${-left} ${unit} over.`;
}
