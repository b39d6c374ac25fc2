// Checks that every code excerpt in docs/*.md that names its source (```ts file=steps/01-basic/server.ts) still
// appears, line for line, in that file. Run by npm test, so a chapter cannot quote code that no longer exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./stages";

const EXCERPT = /^```\w*\s+file=(\S+)\n([\s\S]*?)^```$/gm;
const docsDir = path.join(REPO_ROOT, "docs");
const problems: string[] = [];
let checked = 0;

for (const name of readdirSync(docsDir).filter((file) => file.endsWith(".md"))) {
  const markdown = readFileSync(path.join(docsDir, name), "utf8");
  for (const [, source, excerpt] of markdown.matchAll(EXCERPT)) {
    checked += 1;
    const file = path.join(REPO_ROOT, source);
    if (!existsSync(file)) problems.push(`docs/${name}: quotes ${source}, which does not exist`);
    else if (!readFileSync(file, "utf8").includes(excerpt)) {
      problems.push(
        `docs/${name}: the excerpt of ${source} starting "${excerpt.split("\n")[0].trim()}" no longer matches the file`,
      );
    }
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`docs: ${checked} code excerpt(s) match their files`);
