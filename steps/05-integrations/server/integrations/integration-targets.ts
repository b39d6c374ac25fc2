import type { IntegrationKind } from "../../lib/protocol";
import { MAX_WEBHOOK_URL_LENGTH } from "../limits";
import { isPublicAddress, literalAddress } from "./address-filter";
import type { IntegrationSettings } from "./integration-settings";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const oneOf = (bases: string[]) => `(?:${bases.map(escapeRegExp).join("|")})`;

export type Target = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Checks the URL a creator pasted for an outgoing integration. Slack and Discord: only the shape of their own
 * incoming-webhook URLs, on their own hosts, so such a URL can never point inside the network. A signed webhook:
 * any https URL whose host is not a private address spelled out (names are checked when sending, after DNS).
 */
export function checkTarget(
  kind: Exclude<IntegrationKind, "incoming">,
  raw: string,
  settings: IntegrationSettings,
): Target {
  const text = raw.trim();
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, problem: "That URL is too long." };
  if (kind === "slack") {
    const shape = new RegExp(
      `^${escapeRegExp(settings.slackBase)}/services/[A-Z0-9]{1,32}/[A-Z0-9]{1,32}/[A-Za-z0-9]{1,64}$`,
    );
    return shape.test(text)
      ? { ok: true, url: text }
      : { ok: false, problem: `Paste a Slack incoming-webhook URL: ${settings.slackBase}/services/T…/B…/…` };
  }
  if (kind === "discord") {
    const shape = new RegExp(`^${oneOf(settings.discordBases)}/api/webhooks/\\d{1,25}/[A-Za-z0-9_-]{1,100}$`);
    return shape.test(text)
      ? { ok: true, url: text }
      : { ok: false, problem: `Paste a Discord webhook URL: ${settings.discordBases[0]}/api/webhooks/…/…` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "That is not a URL." };
  }
  const testReceiver = settings.testOrigin !== null && url.origin === settings.testOrigin;
  if ((url.protocol !== "https:" && !testReceiver) || url.username || url.password) {
    return { ok: false, problem: "A webhook URL starts with https:// and carries no user name or password." };
  }
  const literal = literalAddress(url.hostname);
  const local =
    literal === undefined
      ? /(^|\.)localhost\.?$/i.test(url.hostname)
      : !isPublicAddress(literal, { allowLoopback: testReceiver });
  if (local) {
    return { ok: false, problem: "That address is not on the public internet." };
  }
  return { ok: true, url: url.href };
}

/** A URL as the settings show it after it was added: its host and path with every secret-looking part hidden. */
export function redactedTarget(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname.replace(/[^/]+$/, "••••")}`;
}
