// The chapter skeleton every docs/NN-*.md follows, and the checks scripts/check-chapters.ts runs on each chapter.
// Pure functions of a chapter's text, so scripts/test/check-chapters.test.ts can feed them any chapter.
import { fencedLines } from "./markdown-links";

/** The `##` sections of a step's chapter, in this order and no others (subsections are `###`). */
export const SKELETON = [
  "Run the finished step",
  "What you will build",
  "Build it yourself",
  "Check your work",
  "Exercises",
  "Going further",
] as const;

/** Where the learner's path ends: everything after this heading is optional reading. */
export const GOING_FURTHER = "Going further";

/** The words a learner reads before "Going further": what fits a workshop slot next to building the step. */
export const LEARNER_PATH_MAX_WORDS = 2_000;

/** A chapter file's name: docs/01-basic.md → number "01". */
export const CHAPTER_FILE = /^(\d\d)-[\w-]+\.md$/;

/**
 * Chapter 00 is the setup page: there is no step to run, build or check, so it keeps only the title form and the
 * word budget (the whole page is on the learner's path). Every other chapter follows the full skeleton.
 */
export const SETUP_CHAPTER = "00";

interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** The chapter's lines outside fenced code blocks (``` or ~~~, indented or not), with their line numbers. */
export function proseLines(markdown: string): Line[] {
  const lines = markdown.split("\n");
  const fenced = fencedLines(lines);
  return lines.flatMap((text, index) => (fenced[index] ? [] : [{ number: index + 1, text }]));
}

/** The `##` headings outside code blocks, in order. */
export function sections(markdown: string): { title: string; line: number }[] {
  return proseLines(markdown).flatMap(({ number, text }) => {
    const title = /^##\s+(.+?)\s*#*\s*$/.exec(text)?.[1];
    return title ? [{ title, line: number }] : [];
  });
}

/** Words in prose: a link or image counts by its text, not its address; tokens without a letter or digit (|, —, -) do not count. */
export function countWords(text: string): number {
  const readable = text.replace(/<!--[\s\S]*?-->/g, " ").replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
  return readable.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The learner's path: prose words outside fenced code blocks, before "## Going further" (the whole page without it). */
export function learnerPathWords(markdown: string): number {
  const lines = proseLines(markdown);
  const end = lines.findIndex(({ text }) => new RegExp(`^##\\s+${GOING_FURTHER}\\s*$`).test(text));
  return countWords((end === -1 ? lines : lines.slice(0, end)).map(({ text }) => text).join("\n"));
}

/** The prose of one `##` section (without its heading), or undefined when the chapter has no such section. */
function sectionText(markdown: string, title: string): string | undefined {
  const lines = markdown.split("\n");
  const all = sections(markdown);
  const index = all.findIndex((section) => section.title === title);
  if (index === -1) return undefined;
  const end = all[index + 1]?.line ?? lines.length + 1;
  return lines.slice(all[index].line, end - 1).join("\n");
}

export interface ChapterFiles {
  /** Whether a path relative to docs/ (e.g. images/02-auth.png) exists. */
  exists: (relativePath: string) => boolean;
}

/** Everything wrong with one chapter, one line per problem, each starting with docs/<file>. */
export function checkChapter(fileName: string, markdown: string, files: ChapterFiles): string[] {
  const where = `docs/${fileName}`;
  const number = CHAPTER_FILE.exec(fileName)?.[1];
  if (!number) return [`${where}: a chapter's file name is NN-name.md (two digits, a dash, a name)`];
  const problems: string[] = [];

  const firstLine = proseLines(markdown).find(({ text }) => text.trim() !== "");
  if (!firstLine || !new RegExp(`^# ${number} — \\S`).test(firstLine.text)) {
    problems.push(`${where}:${firstLine?.number ?? 1}: the chapter must start with its title, "# ${number} — Title"`);
  }

  const words = learnerPathWords(markdown);
  if (words > LEARNER_PATH_MAX_WORDS) {
    problems.push(
      `${where}: the learner's path is ${words.toLocaleString("en")} words, over the ${LEARNER_PATH_MAX_WORDS.toLocaleString("en")}-word budget: move depth to "## ${GOING_FURTHER}"`,
    );
  }
  if (number === SETUP_CHAPTER) return problems;

  problems.push(...skeletonProblems(where, markdown));
  problems.push(...contentProblems(where, number, markdown, files));
  return problems;
}

function skeletonProblems(where: string, markdown: string): string[] {
  const problems: string[] = [];
  const found = sections(markdown);
  const expected: readonly string[] = SKELETON;
  const order = SKELETON.map((title) => `"${title}"`).join(" → ");

  const firstSection = found[0]?.line ?? Infinity;
  const intro = proseLines(markdown).filter(
    ({ number, text }) => number < firstSection && text.trim() !== "" && !text.startsWith("# "),
  );
  if (intro.length === 0) problems.push(`${where}: no introduction between the title and the first "##" section`);

  for (const { title, line } of found) {
    if (!expected.includes(title)) {
      problems.push(
        `${where}:${line}: "## ${title}" is not a section of the skeleton: make it a "###" inside one (depth goes under "## ${GOING_FURTHER}")`,
      );
    }
  }
  for (const title of SKELETON) {
    const count = found.filter((section) => section.title === title).length;
    if (count === 0) problems.push(`${where}: the section "## ${title}" is missing (${order})`);
    if (count > 1) problems.push(`${where}: the section "## ${title}" appears ${count} times`);
  }
  const known = found.filter(({ title }) => expected.includes(title)).map(({ title }) => title);
  const inOrder = [...known].sort((a, b) => expected.indexOf(a) - expected.indexOf(b));
  if (known.join("\n") !== inOrder.join("\n")) {
    problems.push(
      `${where}: the sections are in the order ${known.map((t) => `"${t}"`).join(" → ")}; expected ${order}`,
    );
  }
  return problems;
}

function contentProblems(where: string, number: string, markdown: string, files: ChapterFiles): string[] {
  const problems: string[] = [];
  const [run, build, yourself, check] = [SKELETON[0], SKELETON[1], SKELETON[2], SKELETON[3]].map((title) =>
    sectionText(markdown, title),
  );

  const startsStep = new RegExp(`npm start -- ${number}\\b|degit \\S*steps/${number}-`);
  if (run !== undefined && !startsStep.test(run)) {
    problems.push(
      `${where}: "## ${SKELETON[0]}" gives no command for step ${number} (\`npm start -- ${number}\`, or a degit line of steps/${number}-…)`,
    );
  }

  if (build !== undefined) {
    const images = [...build.matchAll(/!\[[^\]]*\]\((?:\.\/)?([^)\s]+)\)/g)].map((match) => match[1]);
    const own = images.filter((image) => new RegExp(`^images/${number}-[\\w-]+\\.png$`).test(image));
    if (own.length === 0) {
      problems.push(`${where}: "## ${SKELETON[1]}" shows no screenshot ![…](images/${number}-<name>.png)`);
    }
    for (const image of own.filter((image) => !files.exists(image))) {
      problems.push(
        `${where}: the screenshot docs/${image} does not exist (npm run docs:screenshots -- --stage ${number})`,
      );
    }
  }

  if (yourself !== undefined && !/^\s*1\.\s/m.test(yourself)) {
    problems.push(`${where}: "## ${SKELETON[2]}" has no numbered steps (a list starting "1. ")`);
  }

  if (check !== undefined && !new RegExp(`npm run check -- --step ${number}\\b`).test(check)) {
    problems.push(`${where}: "## ${SKELETON[3]}" does not give \`npm run check -- --step ${number} --url …\``);
  }
  return problems;
}
