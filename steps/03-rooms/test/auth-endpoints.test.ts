import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH } from "../lib/auth-rules";
import { FAILED_SIGN_IN_LIMIT, MAX_AUTH_BODY_BYTES } from "../server/limits";
import { connected, sessionCookie, startChatTestServer, type ChatTestServer } from "./chat-test-server";

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
  return { status: response.status, ...((await response.json()) as { code?: string; message?: string }) };
}

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

  it("does not limit sign-ups from one address, so a load test can register its virtual users", async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await server.post("/sign-up/email", account())).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it("refuses to rename a user to an over-long name", async () => {
    const response = await server.post("/sign-up/email", account());
    const cookie = sessionCookie(response);
    const error = await errorOf(await server.post("/update-user", { name: "n".repeat(MAX_NAME_LENGTH + 1) }, { cookie }));
    expect(error).toMatchObject({ status: 400, code: "INVALID_NAME" });
  });
});

describe("logging in", () => {
  it("accepts the right password and refuses a wrong one, without saying which part was wrong", async () => {
    const ada = account();
    await server.post("/sign-up/email", ada);
    expect((await server.post("/sign-in/email", { email: ada.email, password: ada.password })).status).toBe(200);
    const wrongPassword = await errorOf(await server.post("/sign-in/email", { email: ada.email, password: "wrong password" }));
    const unknownEmail = await errorOf(await server.post("/sign-in/email", { email: "nobody@example.test", password: "whatever1" }));
    expect(wrongPassword).toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it(`refuses every sign-in from an address after ${FAILED_SIGN_IN_LIMIT.max} failures, even the right password`, async () => {
    const ada = account();
    await server.post("/sign-up/email", ada);
    const attempt = (password: string) => server.post("/sign-in/email", { email: ada.email, password });

    // Successful sign-ins are not what is limited.
    for (let i = 0; i < 3; i++) expect((await attempt(ada.password)).status).toBe(200);
    for (let i = 0; i < FAILED_SIGN_IN_LIMIT.max; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);

    for (const password of ["wrong again", ada.password]) {
      const error = await errorOf(await attempt(password));
      expect(error).toMatchObject({ status: 429, code: "TOO_MANY_FAILED_SIGN_INS", message: expect.stringMatching(/try again in 15 minutes/i) });
    }
    // Registering is a different door, and stays open.
    expect((await server.post("/sign-up/email", account())).status).toBe(200);
  });
});

describe("the client address behind the failed-login limit", () => {
  async function failTenTimes(headersFor: (attempt: number) => Record<string, string>) {
    for (let i = 0; i < FAILED_SIGN_IN_LIMIT.max; i++) {
      const response = await server.post("/sign-in/email", { email: "nobody@example.test", password: `guess ${i}` }, headersFor(i));
      expect(response.status).toBe(401);
    }
  }
  const attempt = (headers: Record<string, string>) =>
    server.post("/sign-in/email", { email: "nobody@example.test", password: "one more guess" }, headers);

  it("cannot be dodged by sending a different X-Forwarded-For each time", async () => {
    await failTenTimes((i) => ({ "x-forwarded-for": `203.0.113.${i + 1}` }));
    // All of them were counted against the address the connections really came from.
    expect((await attempt({})).status).toBe(429);
    expect((await attempt({ "x-forwarded-for": "198.51.100.7" })).status).toBe(429);
  });

  it("is the forwarded one when the request comes through a trusted proxy", async () => {
    await server.close();
    server = await startChatTestServer({ trustedProxies: ["127.0.0.1"] });
    await failTenTimes(() => ({ "x-forwarded-for": "203.0.113.1" }));
    expect((await attempt({ "x-forwarded-for": "203.0.113.1" })).status).toBe(429);
    expect((await attempt({ "x-forwarded-for": "203.0.113.2" })).status).toBe(401);
  });
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
