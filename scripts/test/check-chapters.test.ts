import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { checkChapter, countWords, LEARNER_PATH_MAX_WORDS, learnerPathWords, SKELETON } from "../chapters";
import { REPO_ROOT } from "../stages";

const everyFileExists = { exists: () => true };

/** A chapter that follows the skeleton; `sections` replaces the body of the named sections. */
function chapter(sections: Partial<Record<string, string>> = {}, order: readonly string[] = SKELETON): string {
  const bodies: Record<string, string> = {
    "Run the finished step": "```bash\nnpm start -- 05\n```",
    "What you will build": "![Two people in a room](images/05-integrations.png)\n\n- a webhook",
    "Build it yourself": "1. Copy step 04.\n2. Add `server/webhooks.ts`:\n\n```ts\n## not a heading, code\n```",
    "Check your work": "```bash\nnpm run check -- --step 05 --url http://127.0.0.1:3000\n```",
    Exercises: "1. Add Matrix.",
    "Going further": "### Why webhooks\n\nBecause.",
  };
  const body = order.map((title) => `## ${title}\n\n${sections[title] ?? bodies[title]}\n`).join("\n");
  return `# 05 — Integrations\n\nSlack and Discord hear the chat.\nTwo lines of intro.\n\n${body}`;
}

const check = (markdown: string, name = "05-integrations.md") => checkChapter(name, markdown, everyFileExists);

describe("checkChapter", () => {
  it("accepts a chapter that follows the skeleton", () => {
    assert.deepEqual(check(chapter()), []);
  });

  it("names a missing section, in one line", () => {
    const problems = check(
      chapter(
        {},
        SKELETON.filter((title) => title !== "Check your work"),
      ),
    );
    assert.deepEqual(problems, [
      'docs/05-integrations.md: the section "## Check your work" is missing (' +
        '"Run the finished step" → "What you will build" → "Build it yourself" → "Check your work" → "Exercises" → "Going further")',
    ]);
  });

  it("refuses sections out of order", () => {
    const swapped = [...SKELETON];
    [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
    const problems = check(chapter({}, swapped));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /the sections are in the order .*"Exercises" → "Check your work"/);
  });

  it("refuses a '##' section the skeleton does not have, with its line", () => {
    const markdown = chapter().replace("## Exercises", "## 7. Tests\n\nMany.\n\n## Exercises");
    const problems = check(markdown);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^docs\/05-integrations\.md:\d+: "## 7\. Tests" is not a section of the skeleton/);
  });

  it("ignores '#' lines inside fenced code", () => {
    const markdown = chapter({ "Build it yourself": "1. Run:\n\n   ```bash\n   ## Going further\n   ```" });
    assert.deepEqual(check(markdown), []);
  });

  it("refuses a learner's path over the budget, and counts nothing after 'Going further'", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    const longDepth = chapter({ "Going further": words(5_000) });
    assert.deepEqual(check(longDepth), []);

    const longPath = chapter({ Exercises: `1. ${words(LEARNER_PATH_MAX_WORDS)}` });
    const problems = check(longPath);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /^docs\/05-integrations\.md: the learner's path is 2,0\d\d words, over the 2,000-word budget/,
    );
  });

  it("wants the chapter's own number in the title, the run command, the screenshot and the check", () => {
    const problems = check(chapter().replace("# 05 — Integrations", "# 5. Integrations").replaceAll("05", "04"));
    assert.equal(problems.length, 4);
    assert.match(problems.join("\n"), /must start with its title, "# 05 — Title"/);
    assert.match(problems.join("\n"), /"## Run the finished step" gives no command for step 05/);
    assert.match(problems.join("\n"), /shows no screenshot/);
    assert.match(problems.join("\n"), /does not give `npm run check -- --step 05/);
  });

  it("accepts a degit line as the way to run the step", () => {
    const markdown = chapter({ "Run the finished step": "npx degit OWNER/REPO/steps/05-integrations my-chat" });
    assert.deepEqual(check(markdown), []);
  });

  it("finds the screenshot written as ./images/… too", () => {
    const markdown = chapter({ "What you will build": "![Two people](./images/05-integrations-phone.png)" });
    assert.deepEqual(check(markdown), []);
  });

  it("wants numbered steps and a screenshot that exists", () => {
    const markdown = chapter({ "Build it yourself": "- add a file" });
    const problems = checkChapter("05-integrations.md", markdown, { exists: () => false });
    assert.deepEqual(problems, [
      "docs/05-integrations.md: the screenshot docs/images/05-integrations.png does not exist (npm run docs:screenshots -- --stage 05)",
      'docs/05-integrations.md: "## Build it yourself" has no numbered steps (a list starting "1. ")',
    ]);
  });

  it("holds the setup chapter (00) to its title and the budget only", () => {
    const setup = "# 00 — Setup\n\n## Requirements\n\nNode 24.\n";
    assert.deepEqual(check(setup, "00-setup.md"), []);
    assert.equal(check(setup.replace("# 00 —", "# Setup"), "00-setup.md").length, 1);
  });
});

describe("learnerPathWords", () => {
  it("counts prose, not code blocks, link addresses or table rules", () => {
    const markdown = [
      "# 01 — Title",
      "",
      "See [the full diff](diffs/01-basic.diff), `npm test`.",
      "",
      "```ts",
      "const not = counted;",
      "```",
      "",
      "| a | b |",
      "| - | - |",
      "",
      "## Going further",
      "",
      "Not on the path.",
    ].join("\n");
    // # 01 — Title (2) · See the full diff, `npm test`. (6) · a b (2)
    assert.equal(learnerPathWords(markdown), 10);
  });

  it("counts a word as a token with a letter or digit", () => {
    assert.equal(countWords("one — two - 3 | ![alt text](images/x.png) <!-- hidden -->"), 5);
  });
});

describe("check-chapters.ts", () => {
  it("prints one line per problem and exits 1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chat-check-chapters-"));
    try {
      mkdirSync(path.join(dir, "images"));
      writeFileSync(path.join(dir, "images", "05-integrations.png"), "");
      writeFileSync(path.join(dir, "05-integrations.md"), chapter({}, SKELETON.slice(0, 5)));
      writeFileSync(path.join(dir, "00-setup.md"), "# 00 — Setup\n\nHello.\n");
      writeFileSync(path.join(dir, "protocol.md"), "# Not a chapter\n");
      const failing = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-chapters.ts", "--dir", dir], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      });
      assert.equal(failing.status, 1);
      assert.deepEqual(failing.stderr.trim().split("\n"), [
        'docs/05-integrations.md: the section "## Going further" is missing (' +
          '"Run the finished step" → "What you will build" → "Build it yourself" → "Check your work" → "Exercises" → "Going further")',
      ]);

      writeFileSync(path.join(dir, "05-integrations.md"), chapter());
      const passing = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-chapters.ts", "--dir", dir], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      });
      assert.equal(passing.status, 0, passing.stderr);
      assert.match(passing.stdout, /2 chapter\(s\) follow the skeleton/);
      assert.match(passing.stdout, /05-integrations\.md +\d+ words/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
