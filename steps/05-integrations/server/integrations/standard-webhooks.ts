import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

// Standard Webhooks (standardwebhooks.com): a request carries webhook-id, webhook-timestamp (seconds) and
// webhook-signature, "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with the secret's bytes.

const SECRET_PREFIX = "whsec_";

/** A new secret: 32 random bytes, base64, behind the spec's `whsec_` prefix. */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

function signature(secret: string, id: string, timestamp: number, body: string | Buffer): Buffer {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** The `webhook-signature` header's value for a message. */
export function sign(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  return `v1,${signature(secret, id, timestamp, body).toString("base64")}`;
}

/** The three headers of a signed request; `id` stays the same across retries, so receivers can drop duplicates. */
export function signedHeaders(secret: string, id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": sign(secret, id, timestamp, body),
  };
}

export type Verification = { ok: true; id: string } | { ok: false; problem: string };

/**
 * Checks a request's signature over its raw body bytes (never re-serialised JSON) and that its timestamp is within
 * `toleranceSeconds` of now. The header may hold several space-separated signatures; one valid v1 is enough.
 */
export function verify(
  secret: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  toleranceSeconds: number,
  now = Date.now(),
): Verification {
  const [id, timestamp, signatures] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => {
    const value = headers[name];
    return typeof value === "string" ? value : "";
  });
  if (!/^[\x21-\x7e]{1,128}$/.test(id) || !/^\d{1,12}$/.test(timestamp) || signatures === "") {
    return { ok: false, problem: "Sign the request: webhook-id, webhook-timestamp and webhook-signature." };
  }
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) {
    return { ok: false, problem: `webhook-timestamp is more than ${toleranceSeconds} seconds from the server's time.` };
  }
  const expected = signature(secret, id, Number(timestamp), body);
  const valid = signatures.split(" ").some((candidate) => {
    const [version, value = ""] = candidate.split(",", 2);
    const given = Buffer.from(value, "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
  return valid ? { ok: true, id } : { ok: false, problem: "The webhook-signature does not match." };
}
