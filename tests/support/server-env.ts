import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Environment for a stage's production server started by the tests: a fresh data folder per run (later steps keep
 * users and messages there) and a throwaway auth secret (production refuses to start without one). The loopback is
 * its trusted reverse proxy, so the X-Forwarded-For the tests send gives every test person (and every virtual user
 * of the benchmark) an address of their own, and the per-address limits apply to each of them.
 */
export function testServerEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "chat-e2e-data-")),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
}
