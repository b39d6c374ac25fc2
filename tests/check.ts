// npm run check -- --step 01 --url http://localhost:3000
// Runs the shared browser tests for a step's features against ANY running app, e.g. your own work in progress.
// Every check is reported: passed, failed, or skipped with the reason (a URL cannot be stopped and restarted).
import { banner } from "../scripts/run";
import { findStage } from "../scripts/stages";
import { runPlaywright } from "./playwright-run";
import { parseCommandLine } from "../scripts/command-line";

const { values, positionals } = parseCommandLine(import.meta.url, {
  options: { step: { type: "string" }, url: { type: "string", default: "http://localhost:3000" } },
  allowPositionals: true,
});

async function main() {
  if (!values.step)
    throw new Error("Which step's checks? e.g. `npm run check -- --step 01 --url http://localhost:3000`");
  const stage = findStage(values.step);
  const url = values.url ?? "http://localhost:3000";
  try {
    await fetch(url, { signal: AbortSignal.timeout(5_000) });
  } catch {
    throw new Error(`Nothing answers at ${url}. Start your app first (npm run dev in your project), then check again.`);
  }
  banner(`Checking ${url} against ${stage.relativeDir}: ${stage.features.join(", ")}`);
  await runPlaywright(stage, { url }, positionals);
}

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
