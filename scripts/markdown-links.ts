// Finds the links in a markdown file — inline links, images, reference definitions, HTML href/src, autolinks and bare
// URLs — outside code, and the anchors its headings get on GitHub.

export interface MarkdownLink {
  /** The destination as written, e.g. "../../docs/01-basic.md#run-it" (angle brackets removed). */
  target: string;
  kind: "inline" | "image" | "reference" | "html" | "url";
  /** 1-based line of the destination. */
  line: number;
  /** Offsets of the destination in the file, for rewriting it. */
  start: number;
  end: number;
}

const blank = (text: string) => text.replace(/[^\n]/g, " ");

/** For each line, whether it is part of a fenced code block (``` or ~~~, indented or not), its fences included. */
export function fencedLines(lines: string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      fence = marker;
      return marker !== undefined;
    }
    if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    return true;
  });
}

/** The file with code blocks, code spans and HTML comments blanked out (same length, same lines). */
function withoutCode(markdown: string): string {
  const lines = markdown.split("\n");
  const fenced = fencedLines(lines);
  return lines
    .map((line, index) => (fenced[index] ? blank(line) : line))
    .join("\n")
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

const INLINE =
  /(!?)\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/dg;
const REFERENCE = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(<[^<>\n]*>|\S+)/dgm;
const HTML = /<(?:a|img|source)\b[^>]*?\s(?:href|src)\s*=\s*(["'])(.*?)\1/dgi;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/dgi;
const BARE_URL = /https?:\/\/[^\s<>()[\]"'`]+/gi;

export function extractLinks(markdown: string): MarkdownLink[] {
  const prose = withoutCode(markdown);
  const links: MarkdownLink[] = [];
  const taken: [number, number][] = [];
  const add = (kind: MarkdownLink["kind"], span: [number, number] | undefined) => {
    if (!span) return;
    let [start, end] = span;
    if (markdown[start] === "<" && markdown[end - 1] === ">") [start, end] = [start + 1, end - 1];
    taken.push([start, end]);
    const line = markdown.slice(0, start).split("\n").length;
    links.push({ target: markdown.slice(start, end), kind, line, start, end });
  };
  for (const match of prose.matchAll(INLINE)) add(match[1] ? "image" : "inline", match.indices?.[2]);
  for (const match of prose.matchAll(REFERENCE)) add("reference", match.indices?.[1]);
  for (const match of prose.matchAll(HTML)) add("html", match.indices?.[2]);
  for (const match of prose.matchAll(AUTOLINK)) add("url", match.indices?.[1]);
  for (const match of prose.matchAll(BARE_URL)) {
    const start = match.index;
    const end = start + match[0].replace(/[.,:;!?*_]+$/, "").length;
    if (!taken.some(([from, to]) => start < to && end > from)) add("url", [start, end]);
  }
  return links.sort((a, b) => a.start - b.start);
}

/** Rewrites the destinations `replace` returns a new one for; the rest of the file stays byte for byte. */
export function replaceLinks(markdown: string, replace: (link: MarkdownLink) => string | undefined): string {
  let result = "";
  let from = 0;
  for (const link of extractLinks(markdown)) {
    const replacement = replace(link);
    if (replacement === undefined || replacement === link.target) continue;
    result += markdown.slice(from, link.start) + replacement;
    from = link.end;
  }
  return result + markdown.slice(from);
}

/** "docs/01-basic.md#run-it" → { path: "docs/01-basic.md", anchor: "run-it" }; a query string is dropped. */
export function splitTarget(target: string): { path: string; anchor?: string } {
  const hash = target.indexOf("#");
  const path = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, "");
  return hash === -1 ? { path } : { path, anchor: target.slice(hash + 1) };
}

/** The anchors GitHub gives a markdown file's headings (github-slugger's rule, duplicates numbered). */
export function headingAnchors(markdown: string): Set<string> {
  const raw = markdown.split("\n");
  const prose = withoutCode(markdown).split("\n");
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  prose.forEach((line, index) => {
    const atx = /^ {0,3}#{1,6}\s/.test(line);
    const setext = /^ {0,3}(=+|-+)\s*$/.test(prose[index + 1] ?? "") && line.trim() !== "" && !/^\s*[-*+>|]/.test(line);
    if (!atx && !setext) return;
    // The heading as GitHub renders it: code spans keep their text, link and emphasis marks go.
    const text = raw[index]
      .replace(/^ {0,3}#{1,6}\s+/, "")
      .replace(/\s+#+\s*$/, "")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .replace(/[`*~]/g, "")
      .trim();
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  });
  return anchors;
}
