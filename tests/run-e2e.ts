// npm run e2e [-- --stage 01] [--no-build] [-- <playwright args>]
// Builds each stage, starts its production server on its own port and runs the shared specs of its features.
import { banner, run } from "../scripts/run";
import { findStage, listStages } from "../scripts/stages";
import { freePort } from "./support/free-port";
import { runPlaywright } from "./playwright-run";
import { parseCommandLine } from "../scripts/command-line";

const { values, positionals } = parseCommandLine(import.meta.url, {
  options: { stage: { type: "string", multiple: true }, "no-build": { type: "boolean", default: false } },
  allowPositionals: true,
});

async function main() {
  const stages = values.stage ? values.stage.map(findStage) : listStages();
  const failed: string[] = [];
  for (const stage of stages) {
    banner(`Browser tests: ${stage.relativeDir} — features: ${stage.features.join(", ")}`);
    try {
      if (!values["no-build"]) await run("npm", ["run", "build", "--silent"], { cwd: stage.dir });
      await runPlaywright(stage, { port: await freePort() }, positionals);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      failed.push(stage.relativeDir);
    }
  }
  banner(
    failed.length
      ? `Browser tests failed for: ${failed.join(", ")}`
      : `Browser tests passed for ${stages.length} stage(s)`,
  );
  if (failed.length) process.exit(1);
}

void main();
