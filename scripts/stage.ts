// npm start / npm run dev / npm run build: run one stage by its short name.
//   npm start                    build and start the latest step in production mode
//   npm run dev -- 01            that stage in dev mode with hot reload
//   npm run build [-- 02]        build one stage (default: every stage)
import { banner, run } from "./run";
import { findStage, listStages } from "./stages";

const [command, query] = process.argv.slice(2);

async function main() {
  switch (command) {
    case "start": {
      const stage = findStage(query ?? "latest");
      banner(`Building ${stage.relativeDir} (${stage.title})`);
      await run("npm", ["run", "build"], { cwd: stage.dir });
      banner(`Starting ${stage.relativeDir} in production mode`);
      await run("npm", ["start"], { cwd: stage.dir });
      break;
    }
    case "dev": {
      if (!query) throw new Error('Which stage? e.g. `npm run dev -- 01` (or "template", "latest").');
      const stage = findStage(query);
      banner(`${stage.relativeDir} in dev mode (${stage.title})`);
      await run("npm", ["run", "dev"], { cwd: stage.dir });
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

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
