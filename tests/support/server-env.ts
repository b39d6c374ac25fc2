import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Environment for a stage's production server started by the tests: a fresh data folder per run (later steps keep
 * users and messages there) and a throwaway auth secret (production refuses to start without one).
 */
export function testServerEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "chat-e2e-data-")),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
