import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A command's usage: the `//` comment lines its file starts with, without the slashes. */
export function usageOf(moduleUrl: string): string {
  const lines = readFileSync(fileURLToPath(moduleUrl), "utf8").split("\n");
  const header = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith("//")),
  );
  return header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n");
}

/**
 * parseArgs for a command run by a person: --help (or -h) prints the usage and exits 0; an unknown or malformed
 * option prints one line and the usage, and exits 2 — never a stack trace.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  moduleUrl: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const argv = config.args ?? process.argv.slice(2);
  const ownArgs = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (ownArgs.includes("--help") || ownArgs.includes("-h")) {
    console.log(usageOf(moduleUrl));
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usageOf(moduleUrl)}`);
    process.exit(2);
  }
}
