// npm run docs:links              builds, from package.json's `repository` (the repository's one public path), every
//                                 link a stage's markdown carries out of its folder (an absolute GitHub URL; links
//                                 within the stage stay relative) and every `npx degit OWNER/NAME/…` command,
//                                 then checks every link in each stage copied out of the repository
// npm run docs:links -- --check   writes nothing; fails when one is stale or still relative, or when a link breaks
//                                 in a copied-out stage (run by npm test)
import { readFileSync } from "node:fs";
import path from "node:path";
import { treeOf } from "./link-check";
import { stageLinkTarget, withDegitSources } from "./link-rewrite";
import { replaceLinks } from "./markdown-links";
import { readRepository } from "./repository";
import { stageFiles } from "./stage-files";
import { formatBrokenLinks, stageLinkProblems } from "./stage-links";
import { listStages, REPO_ROOT } from "./stages";
import { writeFormatted } from "./write-formatted";
import { parseCommandLine } from "./command-line";

const isMarkdown = (file: string) => /\.mdx?$/.test(file);

const { values } = parseCommandLine(import.meta.url, { options: { check: { type: "boolean", default: false } } });

async function main() {
  const repository = readRepository();
  const repoFiles = stageFiles(".");
  const repo = treeOf(REPO_ROOT, repoFiles);
  const stageOf = new Map<string, string>();
  for (const stage of listStages()) {
    for (const file of stageFiles(stage.relativeDir)) stageOf.set(`${stage.relativeDir}/${file}`, stage.relativeDir);
  }

  const stale: string[] = [];
  const errors: string[] = [];
  for (const file of repoFiles.filter(isMarkdown)) {
    const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
    const stageDir = stageOf.get(file);
    let next = text;
    if (stageDir) {
      next = replaceLinks(text, (link) => {
        try {
          const wanted = stageLinkTarget(link, file, stageDir, repo, repository);
          if (wanted !== undefined && wanted !== link.target)
            stale.push(`${file}:${link.line}: ${link.target} → ${wanted}`);
          return wanted;
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
          return undefined;
        }
      });
    }
    const degit = withDegitSources(next, repository);
    if (degit !== next) {
      for (const [index, line] of next.split("\n").entries()) {
        for (const [command] of line.matchAll(/npx degit\s+\S+/g)) {
          const fixed = withDegitSources(command, repository);
          if (fixed !== command) stale.push(`${file}:${index + 1}: ${command} → ${fixed}`);
        }
      }
    }
    next = degit;
    if (next !== text && !values.check) await writeFormatted(path.join(REPO_ROOT, file), next);
  }

  const broken = stageLinkProblems(listStages());
  const name = `${repository.owner}/${repository.name}@${repository.branch}`;
  if (errors.length) console.error(errors.map((line) => `✗ ${line}`).join("\n"));
  if (values.check && stale.length) {
    console.error(`${stale.map((line) => `✗ ${line}`).join("\n")}\nStale links for ${name}: run npm run docs:links`);
  } else if (stale.length) {
    console.log(`${stale.join("\n")}\nUpdated ${stale.length} link(s) for ${name}.`);
  } else {
    console.log(`Every stage link and degit command points at ${name}.`);
  }
  if (broken.length) console.error(`Links that break in a copied-out stage:\n${formatBrokenLinks(broken)}`);
  if (errors.length || broken.length || (values.check && stale.length)) process.exit(1);
}

void main();
