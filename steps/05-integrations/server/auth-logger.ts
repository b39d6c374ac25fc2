import { refusalLog } from "./refusal-log";

type Level = "debug" | "info" | "warn" | "error";

/** better-auth's messages for a failed sign-in: server/failed-sign-ins.ts counts those itself. */
const FAILED_SIGN_IN = new Set(["User not found", "Invalid password", "Password not found"]);

/** Its messages for other requests it refused with a clear answer: counted per minute, not a line each. */
const REFUSED = new Map([
  ["Password is too short", "[auth] sign-ups refused: password too short"],
  ["Password is too long", "[auth] sign-ups refused: password too long"],
]);

/**
 * better-auth's logger. What a client can cause by the thousand (wrong passwords, foreign pages) goes to the refusal
 * log (server/refusal-log.ts); everything else is printed as better-auth prints it.
 */
export function logAuthMessage(level: Level, message: string, ...args: unknown[]) {
  if (FAILED_SIGN_IN.has(message)) return;
  const refusal =
    REFUSED.get(message) ??
    (message.startsWith("Invalid origin:") ? "[auth] requests refused: foreign origin" : undefined);
  if (refusal) return refusalLog.record(refusal);
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [Better Auth]: ${message}`;
  if (level === "error") console.error(line, ...args);
  else if (level === "warn") console.warn(line, ...args);
  else console.log(line, ...args);
}
