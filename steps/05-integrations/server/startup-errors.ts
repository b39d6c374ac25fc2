import type { Server as HttpServer } from "node:http";

/** A problem in the environment rather than the code (a setting, a busy port): one clear line, no stack. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Exits with one clear line, instead of an unhandled "error" event, when the server cannot listen on its port. */
export function exitIfCannotListen(httpServer: HttpServer, port: number) {
  httpServer.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      exitWithStartupError(
        new ConfigurationError(
          `Port ${port} is already in use: stop what runs there, or set PORT (e.g. PORT=${port + 1}).`,
        ),
      );
    }
    if (error.code === "EACCES") {
      exitWithStartupError(
        new ConfigurationError(`Port ${port} needs privileges this process lacks: set PORT above 1023.`),
      );
    }
    exitWithStartupError(error);
  });
}

/**
 * Prints why the server cannot start and exits non-zero. Under `npm run dev` it also ends `tsx watch`, which would
 * otherwise wait for a file change that cannot fix a setting or a busy port.
 */
export function exitWithStartupError(error: unknown): never {
  console.error(error instanceof ConfigurationError ? `✗ ${error.message}` : error);
  if (process.env.npm_lifecycle_script?.startsWith("tsx watch")) process.kill(process.ppid, "SIGTERM");
  process.exit(1);
}
