import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../lib/auth-rules";
import { FAILED_SIGN_IN_BACKOFF, MAX_AUTH_BODY_BYTES, SIGN_UPS_PER_ADDRESS } from "../server/limits";
import {
  connected,
  nextTestAddress,
  sessionCookie,
  startChatTestServer,
  type ChatTestServer,
} from "./chat-test-server";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer();
});
afterEach(() => server.close());

const account = (overrides: Record<string, unknown> = {}) => ({
  name: "Ada",
  email: `ada-${Math.random().toString(36).slice(2)}@example.test`,
  password: "correct horse",
  ...overrides,
});

async function errorOf(response: Response) {
  const body = (await response.json()) as { code?: string; message?: string };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), ...body };
}

/** An email address of exactly `length` characters. */
const emailOfLength = (length: number) => `${"a".repeat(length - "@example.test".length)}@example.test`;

describe("registration", () => {
  it("creates the account, signs it in and stores the trimmed name", async () => {
    const response = await server.post("/sign-up/email", account({ name: "  Ada Lovelace  " }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { name: "Ada Lovelace" } });
    await connected(server.createClient({ cookie: sessionCookie(response) }));
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, 400, "VALIDATION_ERROR"],
    ["a short password", { password: "x".repeat(MIN_PASSWORD_LENGTH - 1) }, 400, "PASSWORD_TOO_SHORT"],
    ["an over-long name", { name: "n".repeat(MAX_NAME_LENGTH + 1) }, 400, "INVALID_NAME"],
    ["an over-long email", { email: emailOfLength(MAX_EMAIL_LENGTH + 1) }, 400, "EMAIL_TOO_LONG"],
    ["a 10,000-character email", { email: emailOfLength(10_000) }, 400, "EMAIL_TOO_LONG"],
    ["an over-long password", { password: "x".repeat(MAX_PASSWORD_LENGTH + 1) }, 400, "PASSWORD_TOO_LONG"],
    ["a blank name", { name: "   " }, 400, "INVALID_NAME"],
    ["a name that is not text", { name: { first: "Ada" } }, 400, undefined],
    ["no password at all", { password: undefined }, 400, undefined],
  ])("refuses %s with a clear error", async (_case, overrides, status, code) => {
    const error = await errorOf(await server.post("/sign-up/email", account(overrides)));
    expect(error).toMatchObject({ status, message: expect.any(String) });
    if (code) expect(error.code).toBe(code);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const first = account();
    expect((await server.post("/sign-up/email", first)).status).toBe(200);
    const error = await errorOf(await server.post("/sign-up/email", { ...first, email: first.email.toUpperCase() }));
    expect(error).toMatchObject({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" });
  });

  it("accepts an email and a password of the longest lengths allowed", async () => {
    const longest = account({ email: emailOfLength(MAX_EMAIL_LENGTH), password: "x".repeat(MAX_PASSWORD_LENGTH) });
    expect((await server.post("/sign-up/email", longest)).status).toBe(200);
    expect((await server.post("/sign-in/email", { email: longest.email, password: longest.password })).status).toBe(
      200,
    );
  });

  it(`allows ${SIGN_UPS_PER_ADDRESS.max} sign-ups per client address, then refuses more from there for a while`, async () => {
    const shared = { "x-forwarded-for": "203.0.113.50" }; // e.g. a workshop's one address, behind the trusted proxy
    for (let i = 0; i < SIGN_UPS_PER_ADDRESS.max; i++)
      expect((await server.post("/sign-up/email", account(), shared)).status).toBe(200);

    const error = await errorOf(await server.post("/sign-up/email", account(), shared));
    expect(error).toMatchObject({
      status: 429,
      code: "TOO_MANY_SIGN_UPS",
      message: expect.stringMatching(/try again in 5 minutes/i),
    });
    expect(Number(error.retryAfter)).toBeGreaterThan(0);
    expect((await server.post("/sign-up/email", account(), { "x-forwarded-for": "203.0.113.51" })).status).toBe(200);
  });

  it("refuses to rename a user to an over-long name", async () => {
    const response = await server.post("/sign-up/email", account());
    const cookie = sessionCookie(response);
    const error = await errorOf(
      await server.post("/update-user", { name: "n".repeat(MAX_NAME_LENGTH + 1) }, { cookie }),
    );
    expect(error).toMatchObject({ status: 400, code: "INVALID_NAME" });
  });
});

describe("logging in", () => {
  it("accepts the right password and refuses a wrong one, without saying which part was wrong", async () => {
    const ada = account();
    await server.post("/sign-up/email", ada);
    expect((await server.post("/sign-in/email", { email: ada.email, password: ada.password })).status).toBe(200);
    const wrongPassword = await errorOf(
      await server.post("/sign-in/email", { email: ada.email, password: "wrong password" }),
    );
    const unknownEmail = await errorOf(
      await server.post("/sign-in/email", { email: "nobody@example.test", password: "whatever1" }),
    );
    expect(wrongPassword).toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("refuses an over-long email or password with a clear error, before looking anything up", async () => {
    const tooLongEmail = await errorOf(
      await server.post("/sign-in/email", { email: emailOfLength(10_000), password: "whatever1" }),
    );
    const tooLongPassword = await errorOf(
      await server.post("/sign-in/email", { email: "ada@example.test", password: "x".repeat(MAX_PASSWORD_LENGTH + 1) }),
    );
    expect(tooLongEmail).toMatchObject({
      status: 400,
      code: "EMAIL_TOO_LONG",
      message: expect.stringContaining(String(MAX_EMAIL_LENGTH)),
    });
    expect(tooLongPassword).toMatchObject({
      status: 400,
      code: "PASSWORD_TOO_LONG",
      message: expect.stringContaining(String(MAX_PASSWORD_LENGTH)),
    });
  });
});

describe("failed sign-ins, a workshop behind one address", () => {
  const workshop = { "x-forwarded-for": "203.0.113.60" };
  const signIn = (email: string, password: string) => server.post("/sign-in/email", { email, password }, workshop);

  it("slow down the attendee who mistyped, even with the right password, and nobody else there", async () => {
    const [ada, grace] = [account(), account({ name: "Grace" })];
    for (const person of [ada, grace])
      await server.post("/sign-up/email", person, { "x-forwarded-for": nextTestAddress() });

    // Successful sign-ins are not what is limited.
    for (let i = 0; i < 3; i++) expect((await signIn(ada.email, ada.password)).status).toBe(200);
    for (let i = 0; i < FAILED_SIGN_IN_BACKOFF.freeFailures; i++)
      expect((await signIn(ada.email, `wrong ${i}`)).status).toBe(401);

    for (const password of ["wrong again", ada.password]) {
      const error = await errorOf(await signIn(ada.email, password));
      expect(error).toMatchObject({
        status: 429,
        code: "TOO_MANY_FAILED_SIGN_INS",
        message: expect.stringMatching(/try again in \d+ seconds?\./i),
        retryAfter: "1",
      });
    }
    expect((await signIn(grace.email, grace.password)).status).toBe(200);
    // Registering is a different door, and stays open.
    expect((await server.post("/sign-up/email", account(), workshop)).status).toBe(200);
  });
  // Somebody trying many accounts from one address meets the per-address ceiling: test/failed-sign-ins.test.ts.
});

describe("the client address behind the per-address limits", () => {
  async function signUpAll(headersFor: (attempt: number) => Record<string, string>) {
    for (let i = 0; i < SIGN_UPS_PER_ADDRESS.max; i++)
      expect((await server.post("/sign-up/email", account(), headersFor(i))).status).toBe(200);
  }
  const attempt = (headers: Record<string, string>) => server.post("/sign-up/email", account(), headers);

  it("cannot be dodged by sending a different X-Forwarded-For each time", async () => {
    await server.close();
    server = await startChatTestServer({ trustedProxies: [] });
    await signUpAll((i) => ({ "x-forwarded-for": `203.0.113.${i + 1}` }));
    // All of them were counted against the address the connections really came from.
    expect((await attempt({})).status).toBe(429);
    expect((await attempt({ "x-forwarded-for": "198.51.100.7" })).status).toBe(429);
  });
  // Through a trusted proxy it is the forwarded one: see the sign-up limit under "registration".
});

describe("hostile requests", () => {
  it("answers malformed JSON with an error and keeps serving", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: '{"name": "Ada", "email": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await server.post("/sign-up/email", account())).status).toBe(200);
  });

  it(`refuses a body over ${MAX_AUTH_BODY_BYTES} bytes without reading it`, async () => {
    const response = await server.post("/sign-up/email", account({ name: "n".repeat(MAX_AUTH_BODY_BYTES) }));
    expect(response.status).toBe(413);
    expect((await server.post("/sign-up/email", account())).status).toBe(200);
  });

  it("refuses a streamed body that does not declare its length", async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(account())));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it("refuses a sign-out from a foreign page that rides the cookie", async () => {
    const response = await server.post("/sign-up/email", account());
    const cookie = sessionCookie(response);
    const error = await errorOf(await server.post("/sign-out", {}, { cookie, origin: "https://evil.example" }));
    expect(error.status).toBe(403);
    await connected(server.createClient({ cookie }));
  });
});
