import { spawn, type SpawnOptions } from "node:child_process";

/** A command that ran and failed: it has printed its own reason, so a caller may exit with its code quietly. */
export class CommandFailed extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number,
  ) {
    super(`\`${command}\` failed (exit ${exitCode})`);
  }
}

/**
 * Runs a command with inherited output; rejects with a readable message when it fails. A SIGINT or SIGTERM sent to
 * this process is passed on, and the child then stopping because of it is a normal end, not a failure.
 * `group: true` runs it in a process group of its own and signals the whole group: npm does not pass SIGTERM on to
 * its script, so a server started through `npm start` would otherwise outlive the stop.
 */
export function run(command: string, args: string[], options: SpawnOptions & { group?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const { group = false, ...spawnOptions } = options;
    const child = spawn(command, args, { stdio: "inherit", detached: group, ...spawnOptions });
    let stopRequested = false;
    // Ctrl-C reaches the child through the terminal too; a signal sent to this process alone must be passed on.
    const forward = (signal: NodeJS.Signals) => {
      stopRequested = true;
      if (group && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    };
    process.on("SIGTERM", forward);
    process.on("SIGINT", forward);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGTERM", forward);
      process.off("SIGINT", forward);
      if (code === 0 || (stopRequested && (signal !== null || code === 130 || code === 143))) resolve();
      else if (signal) reject(new Error(`\`${command} ${args.join(" ")}\` was stopped (${signal})`));
      else reject(new CommandFailed(`${command} ${args.join(" ")}`, code ?? 1));
    });
  });
}

/** Prints a step header so long runs show where they are. */
export function banner(text: string) {
  console.log(`\n\u001b[1m━━ ${text}\u001b[0m`);
}
