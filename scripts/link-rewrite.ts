// How a stage's link to the rest of the repository, and a degit command, are written: absolute, from package.json's
// `repository` (see scripts/docs-links.ts).
import path from "node:path";
import { parseGithubUrl, pathKind, resolveLink, type FileTree } from "./link-check";
import type { MarkdownLink } from "./markdown-links";
import { repositoryLinks, type Repository } from "./repository";

const DEGIT = /(npx degit\s+)[\w.-]+\/[\w.-]+\/(template|steps\/[\w.-]+)(?=[\s`#]|$)/gm;

/**
 * The destination a link written in `file` (a stage's markdown, path from the repository root) should have, or
 * undefined to keep it. Throws when it leads to nothing in the repository.
 */
export function stageLinkTarget(
  link: MarkdownLink,
  file: string,
  stageDir: string,
  repo: FileTree,
  repository: Repository,
): string | undefined {
  // A GitHub link to a path this repository has is taken as a link to it, whatever owner, name and branch it names:
  // that is what makes a change of `repository` reach links written before it.
  const github = parseGithubUrl(link.target);
  const destination =
    github && (github.view === "blob" || github.view === "tree") && github.path && pathKind(repo, github.path)
      ? { path: github.path, anchor: github.anchor, absolute: true }
      : (() => {
          const resolved = resolveLink(link.target, file, repository);
          return resolved.kind === "relative" ? { ...resolved, absolute: false } : undefined;
        })();
  if (!destination) return undefined;
  const anchor = destination.anchor === undefined ? "" : `#${destination.anchor}`;
  const inStage = destination.path === stageDir || destination.path.startsWith(`${stageDir}/`);
  if (inStage) {
    return destination.absolute
      ? (path.posix.relative(path.posix.dirname(file), destination.path) || ".") + anchor
      : undefined;
  }
  const kind = pathKind(repo, destination.path);
  if (!kind) throw new Error(`${file}:${link.line}: ${link.target} — no ${destination.path} in the repository`);
  const links = repositoryLinks(repository);
  return (kind === "file" ? links.blobUrl : links.treeUrl)(destination.path) + anchor;
}

/** Every `npx degit <anything>/template` or `…/steps/NN-name` command, pointed at the configured repository. */
export function withDegitSources(markdown: string, repository: Repository): string {
  const { degitSource } = repositoryLinks(repository);
  return markdown.replace(DEGIT, (_whole, command: string, folder: string) => `${command}${degitSource(folder)}`);
}
