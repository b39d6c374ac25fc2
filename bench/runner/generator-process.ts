import { spawn } from "node:child_process";
import { processTree } from "../measure/proc";
import { ProcessSampler } from "../measure/sampler";
import { track } from "./children";

export interface GeneratorExit {
  code: number | null;
  /** What it printed, for failure messages. */
  output: string;
  timedOut: boolean;
  /** CPU and memory of the generator's process tree over its whole life. */
  sampler: ProcessSampler;
}

/**
 * Runs a load generator process to its end (at most `timeoutMs`, then it is killed), sampling its CPU and memory.
 * The process tree is re-read every couple of seconds in case the generator starts helpers.
 */
export function runGenerator(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<GeneratorExit> {
  const child = track(spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } }));
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const rootPid = child.pid;
  let tree: number[] = rootPid === undefined ? [] : [rootPid];
  let treeReadAt = 0;
  const sampler = new ProcessSampler(() => {
    if (rootPid !== undefined && Date.now() - treeReadAt > 2_000) {
      tree = processTree(rootPid);
      treeReadAt = Date.now();
    }
    return tree;
  }).start();

  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const finish = (code: number | null) => {
      clearTimeout(timer);
      sampler.stop();
      resolve({ code, output, timedOut, sampler });
    };
    child.once("error", (error) => {
      output += `\n${error.message}`;
      finish(null);
    });
    child.once("exit", (code) => finish(code));
  });
}
