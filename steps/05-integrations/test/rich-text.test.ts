import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText, safeUrl } from "../components/rich-text";
import type { ChatUser } from "../lib/protocol";

const me: ChatUser = { id: "u-me", name: "Ada Lovelace" };
const bob: ChatUser = { id: "u-bob", name: "Bob" };

/** The markup a message renders to, as the browser receives it. */
const render = (text: string, mentions: ChatUser[] = []) =>
  renderToStaticMarkup(createElement(RichText, { text, mentions, me: me.id }));
/** The same without class attributes, for comparing structure. */
const structure = (text: string, mentions: ChatUser[] = []) =>
  render(text, mentions)
    .replace(/ class="[^"]*"/g, "")
    .replace(/^<div dir="auto">|<\/div>$/g, "");

const LINK = 'target="_blank" rel="noopener noreferrer nofollow ugc"';

describe("RichText: every supported construct", () => {
  it.each([
    ["bold", "**bold** and __bold__", "<p><strong>bold</strong> and <strong>bold</strong></p>"],
    ["italic", "*it* and _it_", "<p><em>it</em> and <em>it</em></p>"],
    ["strikethrough", "~~gone~~", "<p><del>gone</del></p>"],
    ["inline code", "run `npm test` now", "<p>run <code>npm test</code> now</p>"],
    ["a line break", "one\ntwo", "<p>one<br/>\ntwo</p>"],
    ["paragraphs", "one\n\ntwo", "<p>one</p>\n<p>two</p>"],
    ["an unordered list", "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"],
    ["an ordered list, from its number", "3. c\n4. d", '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>'],
    ["a block quote", "> said", "<blockquote>\n<p>said</p>\n</blockquote>"],
    ["a heading, as a line in bold", "## Title", "<p><strong>Title</strong></p>"],
    ["a deep heading too", "###### small", "<p><strong>small</strong></p>"],
  ])("%s", (_name, source, html) => {
    expect(structure(source)).toBe(html);
  });

  it("a fenced code block: monospace, scrollable by keyboard, with its language", () => {
    expect(structure("```ts\nconst a = 1;\n```")).toBe(
      '<div><p>ts</p><pre tabindex="0"><code>const a = 1;\n</code></pre></div>',
    );
    expect(render("```\nplain\n```")).toMatch(/<pre tabindex="0" class="[^"]*overflow-x-auto/);
    expect(structure("```\nplain\n```")).toBe('<div><pre tabindex="0"><code>plain\n</code></pre></div>');
  });

  it("a link opens apart, with rel against tab-nabbing and spam, and its address on hover", () => {
    expect(structure("[example.com](https://example.com/a)")).toBe(
      `<p><a href="https://example.com/a" title="https://example.com/a" ${LINK}>example.com</a></p>`,
    );
  });

  it("a link whose text does not show its host shows the host beside it", () => {
    expect(structure("[my bank](https://evil.example/login)")).toBe(
      `<p><a href="https://evil.example/login" title="https://evil.example/login" ${LINK}>my bank<span> (evil.example)</span></a></p>`,
    );
    expect(structure("[https://bank.example](https://bank.example.evil.test)")).toContain(
      "<span> (bank.example.evil.test)</span>",
    );
    expect(structure("[write to us](mailto:help@example.com)")).toContain("<span> (help@example.com)</span>");
  });

  it("bare addresses become links (GFM autolinks)", () => {
    expect(structure("see https://example.com/x.")).toBe(
      `<p>see <a href="https://example.com/x" title="https://example.com/x" ${LINK}>https://example.com/x</a>.</p>`,
    );
    expect(structure("www.example.com")).toContain('href="http://www.example.com/"');
    expect(structure("ada@example.com")).toContain('href="mailto:ada@example.com"');
  });

  it("an image is a link to it, never loaded", () => {
    expect(structure("![a cat](https://img.example/cat.png)")).toBe(
      `<p><a href="https://img.example/cat.png" title="https://img.example/cat.png" ${LINK}>a cat<span> (img.example)</span></a></p>`,
    );
    expect(render("![](https://img.example/cat.png)")).toContain(">image<");
    expect(render("![x](https://img.example/cat.png)")).not.toContain("<img");
  });

  it("a mention of someone the server found is highlighted, the reader's own apart; others stay text", () => {
    expect(structure("hi @bob, and @Carol", [bob])).toBe(
      '<p>hi <mark data-mention="u-bob">@bob</mark>, and @Carol</p>',
    );
    const mine = render("@Ada Lovelace look", [me]);
    expect(mine).toMatch(/<mark class="[^"]*amber[^"]*" data-mention="u-me">@Ada Lovelace<\/mark> look/);
    // The longest name wins, a name must end where a word does, and an email address mentions nobody.
    const ada = { id: "u-ada", name: "Ada" };
    expect(structure("@Ada Lovelace", [ada, me])).toBe('<p><mark data-mention="u-me">@Ada Lovelace</mark></p>');
    expect(structure("@Bobby and x@bob", [bob])).toBe("<p>@Bobby and x@bob</p>");
    // Not inside code or a link.
    expect(structure("`@bob` [@bob](https://example.com)", [bob])).not.toContain("<mark");
  });
});

describe("RichText: what it does not support degrades to text", () => {
  it.each([
    [
      "raw HTML",
      "<b>hi</b> <script>alert(1)</script>",
      "<p>&lt;b&gt;hi&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ],
    ["an HTML block", "<div onclick=alert(1)>x</div>", "&lt;div onclick=alert(1)&gt;x&lt;/div&gt;"],
    ["an HTML comment", "<!-- hidden -->", "&lt;!-- hidden --&gt;"],
    ["a task list's box", "- [ ] todo", "<ul>\n<li> todo</li>\n</ul>"],
    ["a footnote mark", "x[^1]\n\n[^1]: note", "<p>x<span>1</span></p>"],
  ])("%s", (_name, source, html) => {
    expect(structure(source)).toContain(html);
  });

  it("a table stays the text that was typed", () => {
    const table = "| a | b |\n|---|---|\n| 1 | 2 |";
    expect(structure(table)).toBe(`<p>${table}</p>`);
    expect(render(table)).toContain('class="whitespace-pre-wrap"');
  });

  it.each([
    ["javascript:", "[x](javascript:alert(1))"],
    ["upper-case JAVASCRIPT:", "[x](JAVASCRIPT:alert(1))"],
    ["vbscript:", "[x](vbscript:msgbox(1))"],
    ["data:", "[x](data:text/html;base64,PHNjcmlwdD4=)"],
    ["an entity-encoded scheme", "[x](&#106;avascript:alert(1))"],
    ["a tab inside the scheme", "[x](java&#x09;script:alert(1))"],
    ["a zero-width space inside the scheme", "[x](java\u200Bscript:alert(1))"],
    ["a relative address", "[x](/rooms/general)"],
    ["a fragment", "[x](#top)"],
    ["an autolink", "<javascript:alert(1)>"],
    ["a reference", "[x][r]\n\n[r]: javascript:alert(1)"],
    ["an image", "![x](javascript:alert(1))"],
  ])("a link to %s is text only", (_name, source) => {
    const html = render(source);
    expect(html).not.toContain("<a");
    expect(html).not.toMatch(/href|src=/);
  });
});

describe("safeUrl", () => {
  it("keeps http, https and mailto addresses, as the browser will read them", () => {
    expect(safeUrl("https://example.com")).toBe("https://example.com/");
    expect(safeUrl("HTTP://EXAMPLE.com/a b")).toBe("http://example.com/a%20b");
    expect(safeUrl("mailto:ada@example.com")).toBe("mailto:ada@example.com");
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:,x",
    "file:///etc/passwd",
    "//evil.example",
    "ftp://x",
    "",
  ])("refuses %j", (url) => {
    expect(safeUrl(url)).toBe("");
  });
});
