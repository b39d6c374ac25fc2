import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { banner, run } from "../../scripts/run";
import type { Stage } from "../../scripts/stages";

/** Build outputs of a stage: the compiled custom server and Next's production build. */
const OUTPUTS = ["dist/server.js", ".next/BUILD_ID"];
/** Not sources of the production build. */
const IGNORED = new Set(["node_modules", ".next", "dist", "test", "test-results", "coverage"]);

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.endsWith(".tsbuildinfo") || entry.name === "next-env.d.ts") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the stage needs a build, or undefined when dist/ and .next/ are newer than every source file. */
export function staleReason(stage: Stage): string | undefined {
  const missing = OUTPUTS.filter((output) => !existsSync(path.join(stage.dir, output)));
  if (missing.length > 0) return `${missing.join(", ")} missing`;
  const builtAt = Math.min(...OUTPUTS.map((output) => statSync(path.join(stage.dir, output)).mtimeMs));
  return newestSourceTime(stage.dir) > builtAt ? "sources changed since the last build" : undefined;
}

/** Builds the stage for production unless its build is up to date (or building is turned off). */
export async function ensureBuilt(stage: Stage, mode: "auto" | "never") {
  const reason = staleReason(stage);
  if (!reason) return;
  if (mode === "never") {
    if (!existsSync(path.join(stage.dir, "dist/server.js"))) throw new Error(`${stage.relativeDir} is not built (${reason}): run without --no-build`);
    console.log(`  (--no-build: using the existing build although ${reason})`);
    return;
  }
  banner(`Building ${stage.relativeDir} for production (${reason})`);
  await run("npm", ["run", "build", "--silent"], { cwd: stage.dir });
}
