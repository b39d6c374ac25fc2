import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../scripts/run";
import type { Stage } from "../scripts/stages";

const TESTS_DIR = fileURLToPath(new URL(".", import.meta.url));
const CONFIG = path.join(TESTS_DIR, "playwright.config.ts");

/** The spec folders for a set of features: e2e/<feature>/ for each feature that has specs. */
export function specFoldersFor(features: string[]) {
  return features.map((feature) => `e2e/${feature}/`);
}

/** Runs the shared Playwright specs of `stage`'s features, against the URL given or a server it starts itself. */
export async function runPlaywright(
  stage: Stage,
  target: { url: string } | { port: number },
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
) {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...extraEnv,
    CHAT_FEATURES: stage.features.join(","),
  };
  if ("url" in target) env.CHAT_BASE_URL = target.url;
  else {
    env.CHAT_STAGE_DIR = stage.dir;
    env.CHAT_PORT = String(target.port);
  }
  // One output folder per run: two runs at once (say, two stages) must not delete each other's traces.
  const output = path.join(TESTS_DIR, "..", "test-results", `${path.basename(stage.dir)}-${process.pid}`);
  const args = [
    "playwright",
    "test",
    "--config",
    CONFIG,
    "--output",
    output,
    ...specFoldersFor(stage.features),
    ...extraArgs,
  ];
  await run("npx", args, {
    cwd: TESTS_DIR,
    env,
  });
}
