export type Format = "bold" | "italic" | "code" | "link";

/** The keys that apply a format with Ctrl (⌘ on a Mac), as word processors and chat apps have them. */
export const SHORTCUTS: Readonly<Record<string, Format>> = { b: "bold", i: "italic", e: "code", k: "link" };

const MARKS: Record<Format, [string, string]> = {
  bold: ["**", "**"],
  italic: ["_", "_"],
  code: ["`", "`"],
  link: ["[", "](https://)"],
};

/** A composer's text after an edit, and what to select in it. */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

/**
 * Wraps the selection [start, end) of `text` in a format's markdown, or unwraps it when it is already wrapped (the
 * marks just outside the selection, or at its ends), and says what to select next: the same words, or for a link its
 * address, ready to be typed over. A selection of several lines becomes a fenced code block.
 */
export function applyFormat(text: string, start: number, end: number, format: Format): Edit {
  const [before, after] =
    format === "code" && text.slice(start, end).includes("\n") ? ["```\n", "\n```"] : MARKS[format];
  if (format !== "link" && text.slice(start - before.length, start) === before && text.startsWith(after, end)) {
    const unwrapped = text.slice(0, start - before.length) + text.slice(start, end) + text.slice(end + after.length);
    return { text: unwrapped, start: start - before.length, end: end - before.length };
  }
  const selected = format === "link" && start === end ? "link" : text.slice(start, end);
  // The marks selected with the words ("**bold**" double-clicked, or all of it) come off too, unless they belong
  // to two pieces ("**a** and **b**"): wrapping "_x_" again would make "__x__", which markdown shows in bold.
  const inner = selected.slice(before.length, selected.length - after.length);
  const wrapped = selected.length >= before.length + after.length && !inner.includes(before);
  if (format !== "link" && wrapped && selected.startsWith(before) && selected.endsWith(after)) {
    return { text: text.slice(0, start) + inner + text.slice(end), start, end: start + inner.length };
  }
  const edited = text.slice(0, start) + before + selected + after + text.slice(end);
  if (format === "link") {
    const address = start + before.length + selected.length + 2;
    return { text: edited, start: address, end: address + "https://".length };
  }
  return { text: edited, start: start + before.length, end: start + before.length + selected.length };
}
