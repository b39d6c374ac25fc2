import { ConfigurationError } from "../startup-errors";
import { literalAddress } from "./address-filter";
import { systemResolver, type Resolver } from "./guarded-post";

export interface IntegrationSettings {
  /** Where Slack's incoming webhooks live: pasted URLs must start with it. */
  slackBase: string;
  /** Discord's (discord.com and the older discordapp.com). */
  discordBases: string[];
  /**
   * The test configuration's fake receivers, an http://127.0.0.1:PORT origin: the provider bases point there,
   * plain http to it is accepted, and the address guard lets loopback through. Null everywhere else.
   */
  testOrigin: string | null;
  resolve: Resolver;
}

export const PRODUCTION_SETTINGS: IntegrationSettings = {
  slackBase: "https://hooks.slack.com",
  discordBases: ["https://discord.com", "https://discordapp.com"],
  testOrigin: null,
  resolve: systemResolver,
};

/** Settings that send every integration to fake receivers at `origin` (a loopback origin) instead of the internet. */
export function testSettings(origin: string, resolve: Resolver = systemResolver): IntegrationSettings {
  return { slackBase: `${origin}/slack`, discordBases: [`${origin}/discord`], testOrigin: origin, resolve };
}

const isLoopbackOrigin = (origin: string) => {
  const host = new URL(origin).hostname;
  return host === "localhost" || /^(127\.\d+\.\d+\.\d+|::1)$/.test(literalAddress(host) ?? "");
};

/**
 * PRODUCTION_SETTINGS, unless INTEGRATIONS_TEST_ORIGIN names the test receivers' loopback origin. The server then
 * refuses to start unless every origin it serves (BETTER_AUTH_URL, ALLOWED_ORIGINS) is on the loopback too: a
 * deployment that people reach from other machines can never send webhooks to the loopback.
 */
export function readIntegrationSettings(
  env: Record<string, string | undefined>,
  allowedOrigins: string[],
): IntegrationSettings {
  const origin = env.INTEGRATIONS_TEST_ORIGIN;
  if (!origin) return PRODUCTION_SETTINGS;
  const url = URL.parse(origin);
  if (url?.protocol !== "http:" || url.origin !== origin || url.hostname === "localhost" || !isLoopbackOrigin(origin)) {
    throw new ConfigurationError(
      `INTEGRATIONS_TEST_ORIGIN: "${origin}" is not a loopback origin like http://127.0.0.1:4000`,
    );
  }
  if (!allowedOrigins.every(isLoopbackOrigin)) {
    throw new ConfigurationError(
      "INTEGRATIONS_TEST_ORIGIN is for tests on one machine: unset it where the app serves other origins (BETTER_AUTH_URL, ALLOWED_ORIGINS).",
    );
  }
  console.warn(`! Test configuration: integrations post to ${origin} instead of Slack, Discord and the internet.`);
  return testSettings(origin);
}
