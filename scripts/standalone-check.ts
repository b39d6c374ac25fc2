// npm run standalone [-- --stage 01]
// Proves each stage stands alone: copies its files (what `npx degit` gives) to an empty folder outside the
// repository, checks that every link in its markdown still arrives, then runs `npm install` and `npm test` (which
// builds first) there. A broken link fails the run before anything is installed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { banner, run } from "./run";
import { copyStage } from "./stage-files";
import { formatBrokenLinks, stageLinkProblems } from "./stage-links";
import { findStage, listStages } from "./stages";
import { parseCommandLine } from "./command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: { stage: { type: "string", multiple: true }, keep: { type: "boolean", default: false } },
});

async function main() {
  const stages = values.stage ? values.stage.map(findStage) : listStages();
  banner(`Links in ${stages.map((stage) => stage.relativeDir).join(", ")}, copied out`);
  const broken = stageLinkProblems(stages);
  if (broken.length) {
    console.error(`${formatBrokenLinks(broken)}\n\n${broken.length} link(s) break once the stage is copied out.`);
    process.exit(1);
  }
  console.log("Every link arrives.");
  const failed: string[] = [];
  const timings: string[] = [];
  for (const stage of stages) {
    const folder = mkdtempSync(path.join(tmpdir(), `chat-standalone-${path.basename(stage.dir)}-`));
    banner(`Standalone: ${stage.relativeDir} copied to ${folder}`);
    copyStage(stage.relativeDir, folder);
    // Only what the copy itself declares: no repository .npmrc, no workspace, no root node_modules above it.
    const env = { ...process.env, npm_config_workspaces: "false" };
    try {
      for (const [label, args] of [
        ["install", ["install", "--no-audit", "--no-fund"]],
        ["test (builds first)", ["test"]],
      ] as const) {
        const started = performance.now();
        banner(`${stage.relativeDir}: npm ${args.join(" ")}`);
        await run("npm", [...args], { cwd: folder, env });
        timings.push(
          `${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s  ${stage.relativeDir} ${label}`,
        );
      }
      if (!values.keep) rmSync(folder, { recursive: true, force: true });
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      failed.push(stage.relativeDir);
    }
  }
  banner("Standalone timings");
  console.log(timings.join("\n"));
  console.log(`\nStandalone: ${stages.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) {
    console.error(`Failed: ${failed.join(", ")}`);
    process.exit(1);
  }
}

void main();
