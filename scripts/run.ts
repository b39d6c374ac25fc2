import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command with inherited output; rejects with a readable message when it fails. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    // Ctrl-C reaches the child through the terminal; a SIGTERM sent to this process alone must be passed on.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGTERM", forward);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGTERM", forward);
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Prints a step header so long runs show where they are. */
export function banner(text: string) {
  console.log(`\n\u001b[1m━━ ${text}\u001b[0m`);
}
