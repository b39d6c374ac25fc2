import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./stages";

/**
 * The files a learner gets for a stage (what `npx degit` gives): tracked files plus new ones git does not ignore,
 * relative to the stage folder.
 */
export function stageFiles(relativeDir: string): string[] {
  const output = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z", "--", relativeDir], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  return output
    .split("\0")
    .filter(Boolean)
    .map((file) => path.relative(relativeDir, file))
    .sort();
}

/** Copies a stage's files (see stageFiles) into `target`. */
export function copyStage(relativeDir: string, target: string, skip: (file: string) => boolean = () => false) {
  for (const file of stageFiles(relativeDir)) {
    if (skip(file)) continue;
    const destination = path.join(target, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, relativeDir, file), destination);
  }
}
