import { describe, expect, it } from "vitest";
import { allowedOriginsFor } from "../server/allowed-origins";
import { checkTarget, redactedTarget } from "../server/integrations/integration-targets";
import {
  PRODUCTION_SETTINGS,
  readIntegrationSettings,
  testSettings,
} from "../server/integrations/integration-settings";

const LOCAL = allowedOriginsFor("http://localhost:3000");

describe("the integrations' settings", () => {
  it("are production's without INTEGRATIONS_TEST_ORIGIN: the real providers, no loopback", () => {
    expect(readIntegrationSettings({}, LOCAL)).toBe(PRODUCTION_SETTINGS);
    expect(PRODUCTION_SETTINGS).toMatchObject({ slackBase: "https://hooks.slack.com", testOrigin: null });
  });

  it("point the providers at the test receivers' loopback origin when it is given", () => {
    const settings = readIntegrationSettings({ INTEGRATIONS_TEST_ORIGIN: "http://127.0.0.1:4567" }, LOCAL);
    expect(settings).toMatchObject({
      slackBase: "http://127.0.0.1:4567/slack",
      discordBases: ["http://127.0.0.1:4567/discord"],
      testOrigin: "http://127.0.0.1:4567",
    });
  });

  it.each([
    "http://10.0.0.1:4567",
    "https://127.0.0.1:4567",
    "http://localhost:4567",
    "http://127.0.0.1:4567/x",
    "http://example.com",
  ])("refuse to start with a test origin that is not a loopback address: %s", (origin) => {
    expect(() => readIntegrationSettings({ INTEGRATIONS_TEST_ORIGIN: origin }, LOCAL)).toThrow(
      /INTEGRATIONS_TEST_ORIGIN/,
    );
  });

  it("refuse to start with a test origin where the app serves anything beyond the loopback: never in a deployment", () => {
    const env = { INTEGRATIONS_TEST_ORIGIN: "http://127.0.0.1:4567" };
    expect(() => readIntegrationSettings(env, allowedOriginsFor("https://chat.example.com"))).toThrow(
      /for tests on one machine/,
    );
    expect(() =>
      readIntegrationSettings(env, allowedOriginsFor("http://localhost:3000", "https://chat.example.com")),
    ).toThrow(/for tests on one machine/);
  });
});

describe("outgoing targets", () => {
  const production = PRODUCTION_SETTINGS;

  it.each([
    ["slack", "https://hooks.slack.com/services/T0123ABC/B0456DEF/aBcDeF0123456789xyz"],
    ["discord", "https://discord.com/api/webhooks/123456789012345678/abc_DEF-123"],
    ["discord", "https://discordapp.com/api/webhooks/1/x"],
    ["webhook", "https://example.com/hooks/chat?team=1"],
    ["webhook", "https://8.8.8.8/hook"],
  ] as const)("accept a %s URL of the right shape: %s", (kind, url) => {
    expect(checkTarget(kind, url, production)).toEqual({ ok: true, url });
  });

  it.each([
    ["slack", "http://hooks.slack.com/services/T1/B1/x"],
    ["slack", "https://hooks.slack.com/services/T1/B1/x?redirect=https://10.0.0.1"],
    ["slack", "https://hooks.slack.com/services/T1/B1/x/../../.."],
    ["slack", "https://hooks.slack.com@10.0.0.1/services/T1/B1/x"],
    ["slack", "https://evil.test/services/T1/B1/x"],
    ["discord", "https://discord.com.evil.test/api/webhooks/1/x"],
    ["discord", "https://discord.com/api/webhooks/1/x?wait=true"],
    ["discord", "https://discord.com/api/webhooks/abc/x"],
    ["webhook", "http://example.com/hook"],
    ["webhook", "ftp://example.com/hook"],
    ["webhook", "https://localhost/hook"],
    ["webhook", "https://127.0.0.1/hook"],
    ["webhook", "https://0x7f000001/hook"],
    ["webhook", "https://[fd00::1]/hook"],
    ["webhook", "https://169.254.169.254/latest/meta-data"],
    ["webhook", `https://example.com/${"x".repeat(2048)}`],
  ] as const)("refuse a %s URL: %s", (kind, url) => {
    expect(checkTarget(kind, url, production)).toMatchObject({ ok: false, problem: expect.any(String) });
  });

  it("accept plain http to the test receivers, in the test configuration only", () => {
    const test = testSettings("http://127.0.0.1:4567");
    expect(checkTarget("webhook", "http://127.0.0.1:4567/hooks/x", test).ok).toBe(true);
    expect(checkTarget("webhook", "http://127.0.0.1:4568/hooks/x", test).ok).toBe(false);
    expect(checkTarget("slack", "http://127.0.0.1:4567/slack/services/T1/B1/x", test).ok).toBe(true);
    expect(checkTarget("slack", "http://127.0.0.1:4567/slack/services/T1/B1/x", production).ok).toBe(false);
  });

  it("hide the secret part of a URL once added", () => {
    expect(redactedTarget("https://hooks.slack.com/services/T1/B2/s3cr3t")).toBe("hooks.slack.com/services/T1/B2/••••");
    expect(redactedTarget("https://discord.com/api/webhooks/1/t0k3n")).toBe("discord.com/api/webhooks/1/••••");
    expect(redactedTarget("https://example.com/in?token=s3cr3t")).toBe("example.com/••••");
  });
});
