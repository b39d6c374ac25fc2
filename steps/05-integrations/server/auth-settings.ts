import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { allowedOriginsFor } from "./allowed-origins";
import { ConfigurationError } from "./startup-errors";

export interface AuthSettings {
  /** Folder of the SQLite database and, in development, of the generated secret. */
  dataDir: string;
  /** Signs the session cookies: it must stay the same across restarts, or everybody is signed out. */
  secret: string;
  /** The app's own address, e.g. http://localhost:3000. */
  baseURL: string;
  /** Origins whose pages may use a session: sign in and out, open the chat socket. */
  allowedOrigins: string[];
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
}

/** Where the development secret is kept, inside the data folder. */
export const DEV_SECRET_FILE = "auth-secret";

/**
 * Reads the auth settings from the environment: DATA_DIR (default ./data), BETTER_AUTH_SECRET, BETTER_AUTH_URL
 * (default http://localhost:PORT), ALLOWED_ORIGINS (comma separated, beyond the app's own origin) and
 * TRUSTED_PROXIES (comma separated addresses or CIDR ranges).
 */
export function readAuthSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  // (The comment tells Next's bundler that this runtime path is not a file of the app to bundle.)
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "data");
  const baseURL = env.BETTER_AUTH_URL || `http://localhost:${env.PORT || 3000}`;
  return {
    dataDir,
    secret: env.BETTER_AUTH_SECRET || secretWithoutEnv(env.NODE_ENV, dataDir),
    baseURL,
    allowedOrigins: allowedOriginsFor(baseURL, env.ALLOWED_ORIGINS),
    trustedProxies: listOf(env.TRUSTED_PROXIES).map(checkedProxy),
  };
}

function listOf(value = ""): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function checkedProxy(entry: string): string {
  const [address, prefix, ...rest] = entry.split("/");
  if (isIP(address) !== 0 && rest.length === 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix))) return entry;
  throw new ConfigurationError(
    `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range such as 127.0.0.1 or 10.0.0.0/8`,
  );
}

function secretWithoutEnv(nodeEnv: string | undefined, dataDir: string): string {
  if (nodeEnv === "production") {
    throw new ConfigurationError(
      "BETTER_AUTH_SECRET is not set. In production the server needs a secret that stays the same across restarts " +
        "(it signs the session cookies). Generate one with `openssl rand -base64 32` and set BETTER_AUTH_SECRET.",
    );
  }
  return developmentSecret(dataDir);
}

/** A secret generated once and kept in the data folder, so `npm run dev` needs no setup and survives restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" fails if the file exists: whoever comes second (another process, Next's own module copy) reads it instead.
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
