import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What a stage declares in its workshop.json: the tests, the bench and the docs read the same file. */
export interface StageManifest {
  stage: string;
  title: string;
  chapter: string;
  features: string[];
}

export interface Stage extends StageManifest {
  /** Absolute path of the stage's folder. */
  dir: string;
  /** Path relative to the repository root, e.g. "steps/01-basic". */
  relativeDir: string;
}

/** The template, then every step in order. */
export function listStages(): Stage[] {
  const stepsDir = path.join(REPO_ROOT, "steps");
  const steps = existsSync(stepsDir)
    ? readdirSync(stepsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(stepsDir, entry.name, "workshop.json")))
        .map((entry) => `steps/${entry.name}`)
        .sort()
    : [];
  return ["template", ...steps].map(loadStage);
}

export function loadStage(relativeDir: string): Stage {
  const dir = path.join(REPO_ROOT, relativeDir);
  const manifest = JSON.parse(readFileSync(path.join(dir, "workshop.json"), "utf8")) as StageManifest;
  return { ...manifest, dir, relativeDir };
}

/**
 * Finds a stage by what a person would type: "01", "1", "01-basic", "steps/01-basic", "template" or "latest".
 * Throws with the list of stages when nothing matches.
 */
export function findStage(query: string): Stage {
  const stages = listStages();
  const wanted = query.replace(/^steps\//, "").replace(/\/$/, "");
  const match =
    wanted === "latest"
      ? stages.at(-1)
      : stages.find((stage) => {
          if (stage.stage === wanted) return true;
          const number = /^(\d+)/.exec(stage.stage)?.[1];
          return number !== undefined && /^\d+$/.test(wanted) && Number(number) === Number(wanted);
        });
  if (!match) {
    throw new Error(`No stage "${query}". Stages: ${stages.map((stage) => stage.stage).join(", ")}, or "latest".`);
  }
  return match;
}
