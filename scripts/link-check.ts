// Where a markdown link leads, and whether it arrives: a relative link must name a file of the folder it was copied
// with, a link to this repository (built from package.json's `repository`) a path the repository has. Other sites
// are never fetched.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractLinks, headingAnchors, splitTarget } from "./markdown-links";
import type { Repository } from "./repository";

/** A folder's files, as paths relative to it ("docs/01-basic.md"), and the folders they make. */
export interface FileTree {
  root: string;
  files: Set<string>;
  folders: Set<string>;
}

export function treeOf(root: string, files: string[]): FileTree {
  const folders = new Set<string>([""]);
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== "."; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  return { root, files: new Set(files), folders };
}

/** Every file under `root` (a copied-out stage), node_modules and build output apart. */
export function treeOfFolder(root: string): FileTree {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !/(^|\/)(node_modules|\.next|dist)\//.test(file));
  return treeOf(root, files);
}

export function pathKind(tree: FileTree, file: string): "file" | "folder" | undefined {
  const clean = file.replace(/\/+$/, "");
  if (tree.files.has(clean)) return "file";
  if (tree.folders.has(clean)) return "folder";
  return undefined;
}

export interface GithubLink {
  owner: string;
  name: string;
  /** "blob", "tree", "raw", or undefined for the repository's home page. */
  view?: string;
  ref?: string;
  path: string;
  anchor?: string;
}

/** https://github.com/OWNER/NAME[/(blob|tree|raw)/REF/PATH][#anchor], or undefined for anything else. */
export function parseGithubUrl(target: string): GithubLink | undefined {
  const match =
    /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:\/(blob|tree|raw)\/([^/#?]+)(?:\/([^#?]*))?)?\/?(?:\?[^#]*)?(?:#(.*))?$/i.exec(
      target,
    );
  if (!match) return undefined;
  const [, owner, name, view, ref, file = "", anchor] = match;
  return { owner, name, view, ref, path: safeDecode(file).replace(/\/+$/, ""), anchor };
}

export type Destination =
  | { kind: "anchor"; anchor: string }
  /** A path relative to the tree's root; it starts with "../" when the link leaves the tree. */
  | { kind: "relative"; path: string; anchor?: string }
  | { kind: "repository"; link: GithubLink }
  | { kind: "external" };

export function isOurs(link: GithubLink, repository: Repository): boolean {
  return (
    link.owner.toLowerCase() === repository.owner.toLowerCase() &&
    link.name.toLowerCase() === repository.name.toLowerCase()
  );
}

/** Where `target`, written in the file `fromFile` (relative to the tree's root), leads. */
export function resolveLink(target: string, fromFile: string, repository: Repository): Destination {
  if (target.startsWith("#")) return { kind: "anchor", anchor: target.slice(1) };
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(target)) {
    const github = parseGithubUrl(target);
    return github && isOurs(github, repository) ? { kind: "repository", link: github } : { kind: "external" };
  }
  const { path: file, anchor } = splitTarget(target);
  const decoded = safeDecode(file);
  const joined = decoded.startsWith("/") ? decoded.slice(1) : path.posix.join(path.posix.dirname(fromFile), decoded);
  return { kind: "relative", path: path.posix.normalize(joined).replace(/\/+$/, "").replace(/^\.$/, ""), anchor };
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

export interface BrokenLink {
  /** The markdown file, relative to the tree's root. */
  file: string;
  line: number;
  target: string;
  reason: string;
}

function missingAnchor(tree: FileTree, file: string, anchor: string | undefined): string | undefined {
  if (!anchor || !file.endsWith(".md") || /^L\d+(-L\d+)?$/.test(anchor)) return undefined;
  const anchors = headingAnchors(readFileSync(path.join(tree.root, file), "utf8"));
  return anchors.has(safeDecode(anchor).toLowerCase()) ? undefined : `${file} has no heading #${anchor}`;
}

/** What is wrong with one link, or undefined when it arrives. */
export function linkProblem(
  target: string,
  fromFile: string,
  copy: FileTree,
  repo: FileTree,
  repository: Repository,
): string | undefined {
  const destination = resolveLink(target, fromFile, repository);
  switch (destination.kind) {
    case "external":
      return undefined;
    case "anchor":
      return missingAnchor(copy, fromFile, destination.anchor);
    case "relative": {
      if (destination.path === ".." || destination.path.startsWith("../")) {
        return "leaves the folder, so it breaks once the folder is copied out (npm run docs:links makes it absolute)";
      }
      if (!pathKind(copy, destination.path)) return `no file ${destination.path} in the folder`;
      return missingAnchor(copy, destination.path, destination.anchor);
    }
    case "repository": {
      const { link } = destination;
      const name = `${repository.owner}/${repository.name}`;
      if (link.view === undefined) return undefined;
      if (link.ref !== repository.branch) {
        return `names branch "${link.ref}"; ${name}'s is "${repository.branch}" (package.json repository.branch)`;
      }
      if (!pathKind(repo, link.path)) return `no path ${link.path} in ${name} (checked against this working tree)`;
      return missingAnchor(repo, link.path, link.anchor);
    }
  }
}

/** Every broken link in every markdown file of `copy`. */
export function brokenLinks(copy: FileTree, repo: FileTree, repository: Repository): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of [...copy.files].filter((name) => /\.mdx?$/.test(name)).sort()) {
    for (const link of extractLinks(readFileSync(path.join(copy.root, file), "utf8"))) {
      const reason = linkProblem(link.target, file, copy, repo, repository);
      if (reason) broken.push({ file, line: link.line, target: link.target, reason });
    }
  }
  return broken;
}
