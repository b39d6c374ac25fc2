// Checks that every code excerpt in docs/*.md that names its source (```ts file=steps/01-basic/server.ts) still
// appears in that file, whole lines for whole lines. Run by npm test, so a chapter cannot quote code that no longer
// exists.
// An excerpt may sit inside a list item: its fence's indentation is taken off every line before comparing, so the
// code itself must match the file exactly, indentation included.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./stages";

const EXCERPT = /^( *)```\w*\s+file=(\S+)\n([\s\S]*?)^\1```$/gm;
const docsDir = path.join(REPO_ROOT, "docs");
const problems: string[] = [];
let checked = 0;

/** The excerpt as it stands in the file: each line without the fence's indentation (blank lines may lack it). */
function dedent(excerpt: string, indent: string): string | undefined {
  const lines = excerpt.split("\n");
  if (lines.some((line) => line.trim() !== "" && !line.startsWith(indent))) return undefined;
  return lines.map((line) => line.slice(Math.min(indent.length, line.length - line.trimStart().length))).join("\n");
}

for (const name of readdirSync(docsDir).filter((file) => file.endsWith(".md"))) {
  const markdown = readFileSync(path.join(docsDir, name), "utf8");
  for (const [, indent, source, indented] of markdown.matchAll(EXCERPT)) {
    checked += 1;
    const file = path.join(REPO_ROOT, source);
    const excerpt = dedent(indented, indent);
    const firstLine = indented.split("\n")[0].trim();
    if (!existsSync(file)) problems.push(`docs/${name}: quotes ${source}, which does not exist`);
    else if (excerpt === undefined) {
      problems.push(`docs/${name}: the excerpt of ${source} starting "${firstLine}" is indented less than its fence`);
    } else if (!`\n${readFileSync(file, "utf8")}`.includes(`\n${excerpt}`)) {
      problems.push(`docs/${name}: the excerpt of ${source} starting "${firstLine}" no longer matches the file`);
    }
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`docs: ${checked} code excerpt(s) match their files`);
