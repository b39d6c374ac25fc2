// Checks that every chapter docs/NN-*.md follows the workshop's skeleton (run by npm test):
//   # NN — Title, an introduction, then exactly these "##" sections in this order —
//   Run the finished step · What you will build · Build it yourself · Check your work · Exercises · Going further —
// and that the learner's path (prose outside code blocks, before "## Going further") stays within 2,000 words.
// docs/00-setup.md is the setup page, not a step: it is exempt from the sections and keeps the title and the budget.
// Prints one line per problem and fails; otherwise the words on each chapter's learner path.
//   npx tsx scripts/check-chapters.ts [--dir docs]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CHAPTER_FILE, checkChapter, LEARNER_PATH_MAX_WORDS, learnerPathWords } from "./chapters";
import { REPO_ROOT } from "./stages";
import { parseCommandLine } from "./command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: { dir: { type: "string", default: path.join(REPO_ROOT, "docs") } },
});
const docsDir = path.resolve(values.dir ?? "docs");

const chapters = readdirSync(docsDir)
  .filter((name) => CHAPTER_FILE.test(name))
  .sort();
const problems: string[] = [];
const counts: string[] = [];

for (const name of chapters) {
  const markdown = readFileSync(path.join(docsDir, name), "utf8");
  problems.push(...checkChapter(name, markdown, { exists: (file) => existsSync(path.join(docsDir, file)) }));
  counts.push(`  ${name.padEnd(24)} ${String(learnerPathWords(markdown)).padStart(5)} words`);
}

if (chapters.length === 0) problems.push(`${docsDir}: no chapters (NN-name.md) found`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `docs: ${chapters.length} chapter(s) follow the skeleton; learner's path (budget ${LEARNER_PATH_MAX_WORDS}):\n${counts.join("\n")}`,
);
