import { describe, expect, it } from "vitest";
import { applyFormat } from "../components/markdown-format";

/** Applies a format to the part of `marked` between [ and ], and shows the result the same way. */
function format(marked: string, kind: Parameters<typeof applyFormat>[3]) {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  const edit = applyFormat(marked.replace("[", "").replace("]", ""), start, end, kind);
  return `${edit.text.slice(0, edit.start)}[${edit.text.slice(edit.start, edit.end)}]${edit.text.slice(edit.end)}`;
}

describe("applyFormat", () => {
  it.each([
    ["bold", "say [this] now", "say **[this]** now"],
    ["italic", "say [this] now", "say _[this]_ now"],
    ["code", "run [npm test]", "run `[npm test]`"],
    ["bold", "nothing selected: []", "nothing selected: **[]**"],
  ] as const)("%s wraps the selection and keeps it selected", (kind, before, after) => {
    expect(format(before, kind)).toBe(after);
  });

  it("takes the marks off a selection that has them", () => {
    expect(format("say **[this]** now", "bold")).toBe("say [this] now");
    expect(format("say _[this]_ now", "italic")).toBe("say [this] now");
    expect(format("`[x]`", "code")).toBe("[x]");
  });

  it("takes the marks off when they are selected with the words, and only the marks of one piece", () => {
    expect(format("say [**this**] now", "bold")).toBe("say [this] now");
    expect(format("[_this_]", "italic")).toBe("[this]"); // not "__this__", which is bold
    expect(format("[`x`]", "code")).toBe("[x]");
    expect(format("[```\na\nb\n```]", "code")).toBe("[a\nb]");
    expect(format("[**a** and **b**]", "bold")).toBe("**[**a** and **b**]**");
    expect(format("[_]", "italic")).toBe("_[_]_");
  });

  it("makes a link of the selection and selects its address to type over", () => {
    expect(format("read [the docs]", "link")).toBe("read [the docs]([https://])");
    expect(format("read []", "link")).toBe("read [link]([https://])");
  });

  it("puts several lines in a fenced code block", () => {
    expect(format("[a\nb]", "code")).toBe("```\n[a\nb]\n```");
  });
});
