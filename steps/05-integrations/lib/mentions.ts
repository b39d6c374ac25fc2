// A mention is `@` and the name of one of the room's members, in any letter case. It starts where an email address
// could not (bob@example.com names nobody) and ends where a word does. The server finds them (server/mentions.ts);
// the browser highlights the ones the server found, by the same rule.

/** An @ that may start a mention: not after a letter, a digit or a character of an email address's local part. */
export const MENTION_START = /(?<![\p{L}\p{N}._%+-])@/gu;

/** Whether a name may end just before `index`: at the end of the text, or before anything but a letter, digit or _. */
export function endsWord(text: string, index: number): boolean {
  return index >= text.length || !/[\p{L}\p{N}_]/u.test(text[index]);
}

/** Two spellings of a name that differ only in letter case are the same mention. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
