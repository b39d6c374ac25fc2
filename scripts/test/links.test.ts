import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { brokenLinks, treeOf, treeOfFolder, type FileTree } from "../link-check";
import { stageLinkTarget, withDegitSources } from "../link-rewrite";
import { extractLinks, headingAnchors, replaceLinks, splitTarget } from "../markdown-links";
import { readRepository, repositoryLinks, type Repository } from "../repository";
import { copyStage, stageFiles } from "../stage-files";
import { stageLinkProblems } from "../stage-links";
import { listStages, REPO_ROOT } from "../stages";

const scratch = mkdtempSync(path.join(tmpdir(), "chat-links-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const ours: Repository = { owner: "acme", name: "chat", branch: "main" };

/** A folder on disk with these files; returns its tree. */
function folder(name: string, files: Record<string, string>): FileTree {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return treeOf(root, Object.keys(files));
}

const targets = (markdown: string) => extractLinks(markdown).map((link) => `${link.kind} ${link.target}`);

describe("extractLinks", () => {
  it("finds inline links, images, reference definitions, HTML and URLs, with their lines", () => {
    const markdown = [
      "See [the `server`](./server.ts 'title') and ![shot](<images/a b.png>).",
      'A [ref link][docs] and <a href="../x.md">x</a>, <https://example.com/a> or https://example.com/b.',
      "",
      "[docs]: ../../docs/01-basic.md#run-it",
    ].join("\n");
    assert.deepEqual(targets(markdown), [
      "inline ./server.ts",
      "image images/a b.png",
      "html ../x.md",
      "url https://example.com/a",
      "url https://example.com/b",
      "reference ../../docs/01-basic.md#run-it",
    ]);
    assert.deepEqual(
      extractLinks(markdown).map((link) => link.line),
      [1, 1, 2, 2, 2, 4],
    );
  });

  it("skips code blocks, code spans and HTML comments", () => {
    const markdown = [
      "Run `[not](a-link.md)` then:",
      "```md",
      "[also not](b.md)",
      "```",
      "   ~~~",
      "   [nor](c.md)",
      "   ~~~",
      "<!-- [hidden](d.md) -->",
      "[yes](e.md)",
    ].join("\n");
    assert.deepEqual(targets(markdown), ["inline e.md"]);
  });

  it("keeps a URL written as a link's destination once, not again as a bare URL", () => {
    assert.deepEqual(targets("[site](https://example.com/x)"), ["inline https://example.com/x"]);
  });
});

describe("replaceLinks", () => {
  it("rewrites only the destinations asked for, the rest byte for byte", () => {
    const markdown = "A [x](../a.md), [y](b.md) and `[z](../c.md)`.\n\n[r]: ../d.md\n";
    const result = replaceLinks(markdown, (link) =>
      link.target.startsWith("../") ? `/abs/${link.target}` : undefined,
    );
    assert.equal(result, "A [x](/abs/../a.md), [y](b.md) and `[z](../c.md)`.\n\n[r]: /abs/../d.md\n");
  });
});

describe("splitTarget and headingAnchors", () => {
  it("splits an anchor off and drops a query", () => {
    assert.deepEqual(splitTarget("docs/a.md?plain=1#run-it"), { path: "docs/a.md", anchor: "run-it" });
    assert.deepEqual(splitTarget("#top"), { path: "", anchor: "top" });
    assert.deepEqual(splitTarget("a.md"), { path: "a.md" });
  });

  it("gives GitHub's anchors: punctuation dropped, spaces to hyphens, duplicates numbered", () => {
    const markdown =
      "# 01 — Basic chat\n## Run the `npm test` step!\n## Notes\n## Notes\n```\n# not a heading\n```\nSetext\n---\n";
    assert.deepEqual(
      [...headingAnchors(markdown)],
      ["01--basic-chat", "run-the-npm-test-step", "notes", "notes-1", "setext"],
    );
  });
});

describe("readRepository and repositoryLinks", () => {
  const packageJson = (repository: unknown) => {
    const file = path.join(scratch, `package-${Math.random()}.json`);
    writeFileSync(file, JSON.stringify({ repository }));
    return file;
  };

  it("reads the forms npm writes, with the branch", () => {
    for (const url of ["https://github.com/acme/chat", "git+https://github.com/acme/chat.git", "github:acme/chat"]) {
      assert.deepEqual(readRepository(packageJson({ type: "git", url, branch: "main" })), ours);
    }
  });

  it("refuses a repository without a GitHub URL or a branch, saying what it needs", () => {
    assert.throws(() => readRepository(packageJson({ type: "git", url: "https://github.com/acme/chat" })), /"branch"/);
    assert.throws(() => readRepository(packageJson({ url: "https://gitlab.com/a/b", branch: "main" })), /"url"/);
  });

  it("reads this repository's package.json", () => {
    const repository = readRepository();
    assert.ok(repository.owner && repository.name && repository.branch);
  });

  it("builds file, folder and degit addresses", () => {
    const links = repositoryLinks(ours);
    assert.equal(links.blobUrl("docs/01-basic.md"), "https://github.com/acme/chat/blob/main/docs/01-basic.md");
    assert.equal(links.treeUrl("steps/01-basic/"), "https://github.com/acme/chat/tree/main/steps/01-basic");
    assert.equal(links.degitSource("steps/01-basic"), "acme/chat/steps/01-basic");
  });
});

describe("brokenLinks", () => {
  const repo = folder("repo", {
    "README.md": "# Workshop\n## Quick start\n",
    "docs/01-basic.md": "# 01 — Basic\n## Run it\n",
    "steps/01-basic/server.ts": "",
  });
  const check = (name: string, readme: string, extra: Record<string, string> = {}) =>
    brokenLinks(
      folder(name, { "README.md": readme, "server.ts": "", "docs/notes.md": "# Notes\n", ...extra }),
      repo,
      ours,
    ).map((link) => `${link.file}:${link.line}: ${link.target} — ${link.reason}`);

  it("passes links that arrive: in the folder, to headings, to this repository, to other sites", () => {
    const readme = [
      "# Title",
      "[server](./server.ts) [notes](docs/notes.md#notes) [folder](docs/) [top](#title) ![s](server.ts)",
      "[chapter](https://github.com/acme/chat/blob/main/docs/01-basic.md#run-it) [home](https://github.com/acme/chat)",
      "[step](https://github.com/acme/chat/tree/main/steps/01-basic) [site](https://example.com/nowhere.md)",
      "[r][ref]",
      "",
      "[ref]: https://github.com/ACME/chat/blob/main/README.md#quick-start",
    ].join("\n");
    assert.deepEqual(check("good", readme), []);
  });

  it("reports a link that leaves the folder, a missing file, image, anchor or reference definition", () => {
    const readme = [
      "# Title",
      "[workshop](../../README.md) [gone](./client.ts) ![shot](images/missing.png)",
      "[heading](docs/notes.md#nope) [here](#nope) [r][ref]",
      "",
      "[ref]: ../docs/01-basic.md",
    ].join("\n");
    assert.deepEqual(check("bad", readme), [
      "README.md:2: ../../README.md — leaves the folder, so it breaks once the folder is copied out (npm run docs:links makes it absolute)",
      "README.md:2: ./client.ts — no file client.ts in the folder",
      "README.md:2: images/missing.png — no file images/missing.png in the folder",
      "README.md:3: docs/notes.md#nope — docs/notes.md has no heading #nope",
      "README.md:3: #nope — README.md has no heading #nope",
      "README.md:5: ../docs/01-basic.md — leaves the folder, so it breaks once the folder is copied out (npm run docs:links makes it absolute)",
    ]);
  });

  it("reports a link to this repository naming a missing path, heading or another branch", () => {
    const readme = [
      "[a](https://github.com/acme/chat/blob/main/docs/99-nope.md)",
      "[b](https://github.com/acme/chat/blob/main/docs/01-basic.md#nope)",
      "[c](https://github.com/acme/chat/blob/dev/docs/01-basic.md)",
    ].join("\n");
    assert.deepEqual(check("bad-absolute", readme), [
      "README.md:1: https://github.com/acme/chat/blob/main/docs/99-nope.md — no path docs/99-nope.md in acme/chat (checked against this working tree)",
      "README.md:2: https://github.com/acme/chat/blob/main/docs/01-basic.md#nope — docs/01-basic.md has no heading #nope",
      'README.md:3: https://github.com/acme/chat/blob/dev/docs/01-basic.md — names branch "dev"; acme/chat\'s is "main" (package.json repository.branch)',
    ]);
  });

  it("checks every markdown file of the folder, not only the README", () => {
    assert.deepEqual(check("nested", "# ok\n", { "docs/guide.md": "[up](../../x.md)\n" }), [
      "docs/guide.md:1: ../../x.md — leaves the folder, so it breaks once the folder is copied out (npm run docs:links makes it absolute)",
    ]);
  });
});

describe("stageLinkTarget and withDegitSources", () => {
  const repo = treeOf(REPO_ROOT, [
    "README.md",
    "docs/01-basic.md",
    "steps/01-basic/README.md",
    "steps/01-basic/server.ts",
  ]);
  const wanted = (target: string) =>
    stageLinkTarget(
      { target, kind: "inline", line: 1, start: 0, end: 0 },
      "steps/01-basic/README.md",
      "steps/01-basic",
      repo,
      ours,
    );

  it("makes a link out of the stage absolute, keeping its anchor; a folder becomes a tree URL", () => {
    assert.equal(
      wanted("../../docs/01-basic.md#run-it"),
      "https://github.com/acme/chat/blob/main/docs/01-basic.md#run-it",
    );
    assert.equal(wanted("../../docs"), "https://github.com/acme/chat/tree/main/docs");
  });

  it("keeps a link within the stage, and makes an absolute one into the stage relative", () => {
    assert.equal(wanted("./server.ts"), undefined);
    assert.equal(wanted("https://github.com/acme/chat/blob/main/steps/01-basic/server.ts#L3"), "server.ts#L3");
  });

  it("moves a link written for an earlier repository path or branch to the configured one", () => {
    assert.equal(
      wanted("https://github.com/OWNER/REPO/blob/master/README.md"),
      "https://github.com/acme/chat/blob/main/README.md",
    );
    assert.equal(wanted("https://example.com/README.md"), undefined);
  });

  it("refuses a link out of the stage to nothing in the repository", () => {
    assert.throws(() => wanted("../../docs/99-nope.md"), /no docs\/99-nope\.md in the repository/);
  });

  it("points every degit command at the configured repository", () => {
    assert.equal(
      withDegitSources("`npx degit OWNER/REPO/template my-chat` or\nnpx degit old/name/steps/01-basic#main x\n", ours),
      "`npx degit acme/chat/template my-chat` or\nnpx degit acme/chat/steps/01-basic#main x\n",
    );
  });
});

describe("the stages of this repository, copied out", () => {
  it("have no broken link", () => {
    assert.deepEqual(stageLinkProblems(listStages()), []);
  });

  it("a relative link out of a copied stage is caught", () => {
    const copy = path.join(scratch, "copy");
    copyStage("steps/01-basic", copy);
    assert.ok(stageFiles("steps/01-basic").includes("README.md"));
    appendFileSync(path.join(copy, "README.md"), "\nSee [the chapter](../../docs/01-basic.md).\n");
    const broken = brokenLinks(treeOfFolder(copy), treeOf(REPO_ROOT, stageFiles(".")), readRepository());
    assert.deepEqual(
      broken.map((link) => link.target),
      ["../../docs/01-basic.md"],
    );
  });
});
