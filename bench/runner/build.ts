import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { banner, run } from "../../scripts/run";
import { stageFiles } from "../../scripts/stage-files";
import type { Stage } from "../../scripts/stages";

/** Build outputs of a stage: the compiled custom server and Next's production build. */
const OUTPUTS = ["dist/server.js", ".next/BUILD_ID"];

/**
 * Newest change among the stage's own files (tracked, or new and not ignored), tests apart. What the app writes
 * while it runs (data/, the SQLite file) and build outputs are ignored by git, so running the app is no change.
 */
export function newestSourceTime(stage: Stage): number {
  return Math.max(
    0,
    ...stageFiles(stage.relativeDir)
      .filter((file) => !file.startsWith("test/") && existsSync(path.join(stage.dir, file)))
      .map((file) => statSync(path.join(stage.dir, file)).mtimeMs),
  );
}

/** Why the stage needs a build, or undefined when dist/ and .next/ are newer than every source file. */
export function staleReason(stage: Stage): string | undefined {
  const missing = OUTPUTS.filter((output) => !existsSync(path.join(stage.dir, output)));
  if (missing.length > 0) return `${missing.join(", ")} missing`;
  const builtAt = Math.min(...OUTPUTS.map((output) => statSync(path.join(stage.dir, output)).mtimeMs));
  return newestSourceTime(stage) > builtAt ? "sources changed since the last build" : undefined;
}

/** Builds the stage for production unless its build is up to date (or building is turned off). */
export async function ensureBuilt(stage: Stage, mode: "auto" | "never") {
  const reason = staleReason(stage);
  if (!reason) return;
  if (mode === "never") {
    if (!existsSync(path.join(stage.dir, "dist/server.js")))
      throw new Error(`${stage.relativeDir} is not built (${reason}): run without --no-build`);
    console.log(`  (--no-build: using the existing build although ${reason})`);
    return;
  }
  banner(`Building ${stage.relativeDir} for production (${reason})`);
  await run("npm", ["run", "build", "--silent"], { cwd: stage.dir });
}
