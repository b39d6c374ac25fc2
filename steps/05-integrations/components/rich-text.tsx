"use client";

import { memo, type ReactNode } from "react";
import Markdown, { type Components, type ExtraProps } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import { endsWord, MENTION_START, nameKey } from "@/lib/mentions";
import type { ChatUser } from "@/lib/protocol";

// The one place a message's markdown becomes elements. Raw HTML in the source stays text (react-markdown never
// parses it into elements), only the elements below are made, with the attributes chosen here, and every address
// must pass safeUrl: nothing a person types can reach the page as markup.

/** What a message may contain. Anything else (a task's box, a footnote's mark…) is unwrapped: its text stays. */
const ALLOWED_ELEMENTS = "p br strong em del code pre a img ul ol li blockquote mark".split(" ");
const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** Lists, quotes and code as a chat bubble shows them. */
const LOOK = [
  "space-y-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-zinc-400 [&_blockquote]:pl-2",
  "[&_code]:rounded [&_code]:bg-black/10 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] dark:[&_code]:bg-white/10",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0",
].join(" ");

/** An address if its scheme is allowed, parsed as the browser will (no entity, case or tab hides a scheme); else "". */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return ALLOWED_SCHEMES.has(parsed.protocol) ? parsed.href : "";
  } catch {
    return ""; // relative, or not an address at all
  }
}

type Node = NonNullable<ExtraProps["node"]>;
const textOf = (node: Node | undefined): string =>
  (node?.children ?? []).map((child) => ("value" in child ? child.value : textOf(child))).join("");

/** A link that opens apart from the chat, and shows where it goes when its text does not. */
function SafeLink({ href, text, label }: { href?: unknown; text: string; label: ReactNode }) {
  if (typeof href !== "string" || href === "") return <span>{label}</span>; // a refused address: text only
  const url = new URL(href);
  const destination = url.protocol === "mailto:" ? url.pathname : url.host;
  return (
    <a href={href} title={href} target="_blank" rel="noopener noreferrer nofollow ugc" className="underline">
      {label}
      {!text.toLowerCase().includes(destination.toLowerCase()) && (
        <span className="text-xs opacity-75"> ({destination})</span>
      )}
    </a>
  );
}

const COMPONENTS: Components = {
  a: ({ href, node, children }) => <SafeLink href={href} text={textOf(node)} label={children} />,
  // An image from any address would tell its server who reads the chat: it is a link to the image instead.
  img: ({ src, alt }) => <SafeLink href={src} text={alt ?? ""} label={alt || "image"} />,
  pre: ({ node, children }) => {
    const code = node?.children[0];
    const language = code && "properties" in code && /^language-(.+)/.exec(String(code.properties.className))?.[1];
    return (
      <div className="rounded-lg bg-black/5 dark:bg-white/5">
        {language && <p className="truncate px-3 pt-1 text-xs text-zinc-600 dark:text-zinc-400">{language}</p>}
        {/* Focusable, so a keyboard can scroll a long line. */}
        <pre tabIndex={0} className="overflow-x-auto px-3 py-2 text-sm">
          {children}
        </pre>
      </div>
    );
  },
  li: ({ children }) => <li>{children}</li>, // without the ids and classes of footnotes and task lists
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
  data?: object;
}

/**
 * A remark plugin: a heading becomes a line in bold (a chat is not a document); a table, which a bubble cannot
 * hold, stays the text that was typed; each `@name` of someone the server found mentioned becomes a <mark> (the
 * longest name wins), except in code and links.
 */
function remarkChat({ mentions, me }: { mentions: ChatUser[]; me: string }) {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  function mark(text: string): MdNode[] {
    const parts: MdNode[] = [];
    let done = 0;
    for (const { index } of text.matchAll(MENTION_START)) {
      const start = index + 1;
      const found = byLength.find(
        ({ name }) =>
          nameKey(text.slice(start, start + name.length)) === nameKey(name) && endsWord(text, start + name.length),
      );
      if (!found || index < done) continue;
      const className = found.id === me ? "rounded bg-amber-200 px-0.5 text-amber-950" : "bg-inherit font-semibold";
      parts.push({ type: "text", value: text.slice(done, index) });
      parts.push({
        type: "mention",
        children: [{ type: "text", value: text.slice(index, start + found.name.length) }],
        data: { hName: "mark", hProperties: { className, dataMention: found.id } },
      });
      done = start + found.name.length;
    }
    return [...parts, { type: "text", value: text.slice(done) }];
  }
  function visit(node: MdNode, source: string) {
    if (node.type === "link" || node.type === "linkReference") return;
    node.children = node.children?.flatMap((child) => {
      if (child.type === "text" && mentions.length > 0) return mark(child.value ?? "");
      if (child.type === "table") {
        const value = source.slice(child.position?.start.offset, child.position?.end.offset);
        const data = { hProperties: { className: "whitespace-pre-wrap" } };
        return [{ type: "paragraph", children: [{ type: "text", value }], data }];
      }
      if (child.type === "heading") child = { type: "paragraph", children: [{ ...child, type: "strong" }] };
      visit(child, source);
      return [child];
    });
  }
  return (tree: MdNode, file: { value: unknown }) => visit(tree, String(file.value));
}

/**
 * A message's markdown source as the page shows it, rendered again only when the text or its mentions change:
 * a new message renders one new row, not all of them. `me` is the reader's id: their own mentions stand out.
 */
export const RichText = memo(function RichText(props: { text: string; mentions: ChatUser[]; me: string }) {
  return (
    <div dir="auto" className={LOOK}>
      <Markdown
        remarkPlugins={[remarkGfm, remarkBreaks, [remarkChat, props]]}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={COMPONENTS}
      >
        {props.text}
      </Markdown>
    </div>
  );
});
