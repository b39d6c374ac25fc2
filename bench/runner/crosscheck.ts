import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CrosscheckOutput } from "../crosscheck/generator";
import type { ScenarioParams } from "../scenario/params";
import type { GeneratorResult } from "./artillery";
import { runGenerator } from "./generator-process";

const GENERATOR = fileURLToPath(new URL("../crosscheck/generator.ts", import.meta.url));

/** Runs the cross-check generator (socket.io-client + perf_hooks) for one level. */
export async function runCrosscheck(options: {
  url: string;
  /** Origin header of every connection. */
  origin: string;
  params: ScenarioParams;
  headersByClient: Record<string, string>[];
  workDir: string;
  timeoutMs: number;
}): Promise<GeneratorResult> {
  const outPath = path.join(options.workDir, "crosscheck-output.json");
  const args = [
    "--import",
    "tsx",
    GENERATOR,
    "--url",
    options.url,
    "--origin",
    options.origin,
    "--params",
    JSON.stringify(options.params),
    "--out",
    outPath,
  ];
  if (options.headersByClient.length > 0) {
    const usersPath = path.join(options.workDir, "headers.json");
    writeFileSync(usersPath, JSON.stringify(options.headersByClient));
    args.push("--users", usersPath);
  }
  const exit = await runGenerator(process.execPath, args, {}, options.timeoutMs);

  const errors: string[] = [];
  if (exit.timedOut) errors.push(`the cross-check did not finish within ${Math.round(options.timeoutMs / 1000)} s`);
  if (!existsSync(outPath)) {
    errors.push(`the cross-check wrote no output (exit ${exit.code}): ${exit.output.slice(-1500)}`);
    return { exit, latency: null, summary: null, errors };
  }
  const output = JSON.parse(readFileSync(outPath, "utf8")) as CrosscheckOutput;
  if (output.connectErrors > 0)
    errors.push(`${output.connectErrors} connections failed: ${output.firstConnectError ?? "?"}`);
  if (!output.summary) errors.push("no client connected");
  return { exit, latency: output.latency, summary: output.summary, errors };
}
