import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedOriginsFor, isAllowedOrigin } from "../server/allowed-origins";
import { DEV_SECRET_FILE, readAuthSettings } from "../server/auth-settings";

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "chat-02-settings-"));

describe("readAuthSettings", () => {
  it("uses BETTER_AUTH_SECRET, BETTER_AUTH_URL and DATA_DIR from the environment", () => {
    const dataDir = freshDataDir();
    const settings = readAuthSettings({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "from-the-environment",
      BETTER_AUTH_URL: "https://chat.example.com",
    });
    expect(settings).toEqual({
      dataDir,
      secret: "from-the-environment",
      baseURL: "https://chat.example.com",
      allowedOrigins: ["https://chat.example.com"],
      trustedProxies: [],
    });
  });

  it("reads TRUSTED_PROXIES as addresses or CIDR ranges, and rejects anything else", () => {
    const env = { BETTER_AUTH_SECRET: "s", TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8,::1 " };
    expect(readAuthSettings(env).trustedProxies).toEqual(["127.0.0.1", "10.0.0.0/8", "::1"]);
    expect(() => readAuthSettings({ ...env, TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES: "nginx"/);
    expect(() => readAuthSettings({ ...env, TRUSTED_PROXIES: "10.0.0.0/8/1" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("refuses to start in production without a secret, and says what to do", () => {
    expect(() => readAuthSettings({ NODE_ENV: "production", DATA_DIR: freshDataDir() })).toThrow(
      /BETTER_AUTH_SECRET is not set.*openssl rand/s,
    );
  });

  it("generates a development secret once, keeps it private in the data folder and reuses it", () => {
    const dataDir = freshDataDir();
    const first = readAuthSettings({ NODE_ENV: "development", DATA_DIR: dataDir });
    const second = readAuthSettings({ DATA_DIR: dataDir });
    const file = path.join(dataDir, DEV_SECRET_FILE);

    expect(first.secret).toHaveLength(43); // 32 random bytes in base64url
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(file, "utf8")).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readAuthSettings({ DATA_DIR: freshDataDir() }).secret).not.toBe(first.secret);
  });

  it("defaults to http://localhost:PORT and a data folder in the working directory", () => {
    const settings = readAuthSettings({ PORT: "4123", BETTER_AUTH_SECRET: "s" });
    expect(settings.baseURL).toBe("http://localhost:4123");
    expect(settings.dataDir).toBe(path.resolve("data"));
  });
});

describe("allowed origins", () => {
  it("adds the loopback twins of a local app, and the extra origins given", () => {
    expect(allowedOriginsFor("http://localhost:3000", " https://chat.example.com/ ,http://10.0.0.5:3000")).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "https://chat.example.com",
      "http://10.0.0.5:3000",
    ]);
  });

  it("adds no loopback twins for a public address", () => {
    expect(allowedOriginsFor("https://chat.example.com/some/path")).toEqual(["https://chat.example.com"]);
  });

  it("rejects an entry that is not an origin", () => {
    expect(() => allowedOriginsFor("http://localhost:3000", "chat.example.com")).toThrow(
      /ALLOWED_ORIGINS: "chat.example.com"/,
    );
  });

  it("admits listed origins and requests without an Origin header, nothing else", () => {
    const allowed = allowedOriginsFor("http://localhost:3000");
    expect(isAllowedOrigin("http://127.0.0.1:3000", allowed)).toBe(true);
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
    for (const origin of [
      "http://localhost:3001",
      "https://localhost:3000",
      "null",
      "http://localhost:3000.evil.example",
      "",
    ]) {
      expect(isAllowedOrigin(origin, allowed)).toBe(false);
    }
  });
});
