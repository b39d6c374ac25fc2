// npm run standalone [-- --stage 01] [--full-test template --full-test latest]
// Proves each stage stands alone: copies its files (what `npx degit` gives) to an empty folder outside the
// repository, checks that every link in its markdown still arrives, then runs `npm install` and `npm test` (which
// builds first) there. A broken link fails the run before anything is installed.
// --full-test (repeatable): only the stages named run their whole `npm test` in the copy; the others install, build
// and typecheck there, which is what a copy can break (a dependency or a file from outside its folder), while their
// tests have already run in the repository. CI uses it to stay within its time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { banner, run } from "./run";
import { copyStage } from "./stage-files";
import { formatBrokenLinks, stageLinkProblems } from "./stage-links";
import { findStage, listStages } from "./stages";
import { parseCommandLine } from "./command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: {
    stage: { type: "string", multiple: true },
    "full-test": { type: "string", multiple: true },
    keep: { type: "boolean", default: false },
  },
});

async function main() {
  const stages = values.stage ? values.stage.map(findStage) : listStages();
  const fullTest = new Set(
    (values["full-test"] ?? stages.map((stage) => stage.stage)).map((name) => findStage(name).stage),
  );
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
      const commands: [string, string[]][] = [["install", ["install", "--no-audit", "--no-fund"]]];
      if (fullTest.has(stage.stage)) commands.push(["test (builds first)", ["test"]]);
      else commands.push(["build", ["run", "build"]], ["typecheck", ["run", "typecheck"]]);
      for (const [label, args] of commands) {
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
