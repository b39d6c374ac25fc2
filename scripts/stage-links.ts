// Every link in a copied-out stage's markdown must still arrive: run by `npm run standalone` before it installs
// anything, and by `npm run docs:links -- --check` (in npm test).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brokenLinks, treeOf, treeOfFolder, type BrokenLink } from "./link-check";
import { readRepository } from "./repository";
import { copyStage, stageFiles } from "./stage-files";
import { REPO_ROOT, type Stage } from "./stages";

/** The broken links of each stage's copy, file paths as in the repository ("steps/01-basic/README.md"). */
export function stageLinkProblems(stages: Stage[]): BrokenLink[] {
  const repository = readRepository();
  const repo = treeOf(REPO_ROOT, stageFiles("."));
  return stages.flatMap((stage) => {
    const folder = mkdtempSync(path.join(tmpdir(), `chat-links-${path.basename(stage.dir)}-`));
    try {
      copyStage(stage.relativeDir, folder);
      return brokenLinks(treeOfFolder(folder), repo, repository).map((link) => ({
        ...link,
        file: `${stage.relativeDir}/${link.file}`,
      }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

/** One line per broken link: "steps/01-basic/README.md:3: ../../README.md — leaves the folder …". */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((link) => `✗ ${link.file}:${link.line}: ${link.target} — ${link.reason}`).join("\n");
}
