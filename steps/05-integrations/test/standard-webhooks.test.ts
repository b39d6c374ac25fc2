import { describe, expect, it } from "vitest";
import { newSecret, sign, signedHeaders, verify } from "../server/integrations/standard-webhooks";

// The vector of the Standard Webhooks reference library's own test ("sign function works").
const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const TOLERANCE = 300;
const NOW = SPEC.timestamp * 1000;
const specHeaders = () => ({
  "webhook-id": SPEC.id,
  "webhook-timestamp": String(SPEC.timestamp),
  "webhook-signature": SPEC.signature,
});
const check = (headers: Record<string, string>, body = SPEC.body, now = NOW) =>
  verify(SPEC.secret, headers, Buffer.from(body), TOLERANCE, now);

describe("Standard Webhooks signing", () => {
  it("signs the specification's example exactly as its reference library does", () => {
    expect(sign(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
    expect(sign(SPEC.secret, SPEC.id, SPEC.timestamp, Buffer.from(SPEC.body))).toBe(SPEC.signature);
  });

  it("puts the id, the timestamp in seconds and the signature in the three headers", () => {
    expect(signedHeaders(SPEC.secret, SPEC.id, SPEC.body, NOW + 999)).toEqual(specHeaders());
  });

  it("makes secrets of 32 random bytes behind whsec_, different each time", () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
  });
});

describe("Standard Webhooks verification", () => {
  it("accepts the specification's example within the tolerance on either side", () => {
    expect(check(specHeaders())).toEqual({ ok: true, id: SPEC.id });
    expect(check(specHeaders(), SPEC.body, NOW + TOLERANCE * 1000).ok).toBe(true);
    expect(check(specHeaders(), SPEC.body, NOW - TOLERANCE * 1000).ok).toBe(true);
  });

  it("accepts a header with several signatures when one of them is valid", () => {
    const others = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    expect(check({ ...specHeaders(), "webhook-signature": `${others} ${SPEC.signature}` }).ok).toBe(true);
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("refuses a request without %s", (name) => {
    const headers: Record<string, string> = specHeaders();
    delete headers[name];
    expect(check(headers)).toEqual({ ok: false, problem: expect.stringMatching(/^Sign the request/) });
  });

  it.each([
    ["a timestamp that is not a number", { "webhook-timestamp": "hello" }],
    ["a timestamp in milliseconds", { "webhook-timestamp": `${SPEC.timestamp}000` }],
    ["an id with spaces", { "webhook-id": "msg 1" }],
    ["an id longer than 128 characters", { "webhook-id": "x".repeat(129) }],
  ])("refuses %s", (_, change) => {
    expect(check({ ...specHeaders(), ...change }).ok).toBe(false);
  });

  it("refuses a timestamp more than five minutes old or ahead", () => {
    expect(check(specHeaders(), SPEC.body, NOW + TOLERANCE * 1000 + 1000)).toEqual({
      ok: false,
      problem: expect.stringMatching(/webhook-timestamp/),
    });
    expect(check(specHeaders(), SPEC.body, NOW - TOLERANCE * 1000 - 1000).ok).toBe(false);
  });

  it.each([
    ["garbage", "v1,dawfeoifkpqwoekfpqoekf"],
    ["a cut-off signature", SPEC.signature.slice(0, 8)],
    ["an empty v1", "v1,"],
    ["the right value under another version", SPEC.signature.replace("v1,", "v2,")],
    ["the right value without its version", SPEC.signature.slice(3)],
  ])("refuses %s as the signature", (_, signature) => {
    expect(check({ ...specHeaders(), "webhook-signature": signature })).toEqual({
      ok: false,
      problem: "The webhook-signature does not match.",
    });
  });

  it("refuses a signature made for another body, id, timestamp or secret", () => {
    expect(check(specHeaders(), '{"test": 2432232315}').ok).toBe(false);
    // Re-serialised JSON is another body: verification is over the raw bytes.
    expect(check(specHeaders(), JSON.stringify(JSON.parse(SPEC.body))).ok).toBe(false);
    expect(check({ ...specHeaders(), "webhook-id": "msg_other" }).ok).toBe(false);
    const headers = signedHeaders(newSecret(), SPEC.id, SPEC.body, NOW);
    expect(check(headers).ok).toBe(false);
  });
});
