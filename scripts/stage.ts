// npm start / npm run dev / npm run build: run one stage by its short name.
//   npm start [-- 02]            build and start a stage (default: the latest step) in production mode
//   npm run dev -- 01            that stage in dev mode with hot reload
//   npm run build [-- 02]        build one stage (default: every stage)
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { portIsFree } from "../tests/support/free-port";
import { banner, CommandFailed, run } from "./run";
import { findStage, listStages, type Stage } from "./stages";

const [command, query] = process.argv.slice(2);

async function main() {
  switch (command) {
    case "start": {
      const stage = findStage(query ?? "latest");
      await refuseBusyPort(Number(process.env.PORT ?? 3000));
      banner(`Building ${stage.relativeDir} (${stage.title})`);
      await run("npm", ["run", "build"], { cwd: stage.dir });
      banner(`Starting ${stage.relativeDir} in production mode`);
      // --silent: when the server cannot start, its own one-line reason is the last thing printed, not npm's.
      await run("npm", ["start", "--silent"], {
        cwd: stage.dir,
        env: { ...process.env, ...demoSecret(stage) },
        group: true,
      });
      break;
    }
    case "dev": {
      if (!query) throw new Error('Which stage? e.g. `npm run dev -- 01` (or "template", "latest").');
      const stage = findStage(query);
      banner(`${stage.relativeDir} in dev mode (${stage.title})`);
      await run("npm", ["run", "dev", "--silent"], { cwd: stage.dir, group: true });
      break;
    }
    case "build": {
      const stages = query ? [findStage(query)] : listStages();
      for (const stage of stages) {
        banner(`Building ${stage.relativeDir}`);
        await run("npm", ["run", "build"], { cwd: stage.dir });
      }
      break;
    }
    default:
      throw new Error(`Unknown command "${command}": use start, dev or build.`);
  }
}

/** Says so before a minute of building, rather than after it, when the server could not listen anyway. */
async function refuseBusyPort(port: number) {
  if (!(await portIsFree(port, process.env.HOST)))
    throw new Error(`✗ Port ${port} is already in use: stop what runs there, or set PORT (e.g. PORT=${port + 1}).`);
}

/**
 * In production a step with accounts refuses to start without BETTER_AUTH_SECRET. `npm start` here is a local
 * demo, so when none is set it uses the secret `npm run dev` keeps in the step's data folder (created if missing).
 */
function demoSecret(stage: Stage): Record<string, string> {
  if (!stage.features.includes("auth") || process.env.BETTER_AUTH_SECRET) return {};
  const dataDir = path.join(stage.dir, "data");
  const file = path.join(dataDir, "auth-secret");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  console.log(`BETTER_AUTH_SECRET is not set: using the local demo secret in ${path.relative(process.cwd(), file)}.`);
  return { BETTER_AUTH_SECRET: readFileSync(file, "utf8").trim() };
}

main().catch((error: unknown) => {
  // A stage's server that could not start has said why; anything else gets its message, without a stack.
  if (!(error instanceof CommandFailed)) console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof CommandFailed ? error.exitCode : 1);
});
