// The repository's public path, written in one place: the root package.json's `repository` field (`url`, and `branch`
// for links to files). Every link a stage carries out of its folder and every degit command is built from it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./stages";

export interface Repository {
  owner: string;
  name: string;
  branch: string;
}

/** Reads `repository` from a package.json; accepts the forms npm writes (`git+https://….git`, `github:owner/name`). */
export function readRepository(packageJson = path.join(REPO_ROOT, "package.json")): Repository {
  const { repository } = JSON.parse(readFileSync(packageJson, "utf8")) as {
    repository?: string | { url?: string; branch?: string };
  };
  const url = typeof repository === "string" ? repository : repository?.url;
  const branch = typeof repository === "object" ? repository.branch : undefined;
  const match =
    /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
      url ?? "",
    );
  if (!match || !branch) {
    throw new Error(
      `${packageJson}: "repository" must be {"type": "git", "url": "https://github.com/OWNER/NAME", "branch": "main"}`,
    );
  }
  return { owner: match[1], name: match[2], branch };
}

/** Links and commands for one repository; paths are relative to its root, e.g. "docs/01-basic.md". */
export function repositoryLinks(repository: Repository) {
  const home = `https://github.com/${repository.owner}/${repository.name}`;
  const clean = (file: string) => file.replace(/^\.?\/+/, "").replace(/\/+$/, "");
  return {
    home,
    /** A file as GitHub shows it: https://github.com/OWNER/NAME/blob/BRANCH/docs/01-basic.md */
    blobUrl: (file: string) => `${home}/blob/${repository.branch}/${clean(file)}`,
    /** A folder as GitHub shows it: https://github.com/OWNER/NAME/tree/BRANCH/steps/01-basic */
    treeUrl: (folder: string) => `${home}/tree/${repository.branch}/${clean(folder)}`,
    /** What `npx degit` takes to copy a folder: OWNER/NAME/steps/01-basic */
    degitSource: (folder: string) => `${repository.owner}/${repository.name}/${clean(folder)}`,
  };
}

export type RepositoryLinks = ReturnType<typeof repositoryLinks>;
