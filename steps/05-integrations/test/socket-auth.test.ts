import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SendResult } from "../lib/protocol";
import type { Auth } from "../server/auth";
import { endEndedSessions } from "../server/session-sockets";
import {
  connected,
  joined,
  nextEvent,
  recordEvents,
  refused,
  startChatTestServer,
  type ChatTestServer,
  type TestClient,
} from "./chat-test-server";
import { signUpOverHttp } from "./http-client";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer({ extraOrigins: "https://chat.example.com" });
});
afterEach(() => server.close());

const COOKIE_NAME = "better-auth.session_token";

describe("the handshake", () => {
  it("refuses a client without a session cookie as unauthorized", async () => {
    const error = await refused(server.createClient());
    expect(error.message).toBe("unauthorized");
    expect(error.data).toEqual({ code: "unauthorized", message: expect.any(String) });
  });

  it.each([
    [
      "a made-up token",
      () => `${COOKIE_NAME}=${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64")}`,
    ],
    ["an unsigned token", () => `${COOKIE_NAME}=${randomBytes(24).toString("base64url")}`],
  ])("refuses a forged cookie: %s", async (_name, forge) => {
    const error = await refused(server.createClient({ cookie: forge() }));
    expect(error.message).toBe("unauthorized");
  });

  it("refuses a real session's token under a tampered signature", async () => {
    const user = await server.signUp();
    const tampered = `${COOKIE_NAME}=${encodeURIComponent(`${user.token}.${randomBytes(32).toString("base64")}`)}`;
    expect((await refused(server.createClient({ cookie: tampered }))).message).toBe("unauthorized");
    await connected(server.createClient({ user })); // the untampered cookie is admitted
  });

  it("refuses an expired session", async () => {
    const user = await server.signUp();
    const { internalAdapter } = await server.auth.$context;
    await internalAdapter.updateSession(user.token, { expiresAt: new Date(Date.now() - 1000) });

    expect((await refused(server.createClient({ user }))).message).toBe("unauthorized");
  });

  it("refuses a page from a foreign origin even with a valid session: no cross-site WebSocket hijacking", async () => {
    const user = await server.signUp();
    for (const origin of ["https://evil.example", "null", `${server.url}.evil.example`, "http://127.0.0.2:80"]) {
      const error = await refused(server.createClient({ user, origin }));
      expect(error.message).toBe("forbidden_origin");
      expect(error.data).toEqual({ code: "forbidden_origin", message: expect.stringContaining(origin) });
    }
  });

  it("admits the app's own origin, its loopback twin and the extra allowed origins", async () => {
    const user = await server.signUp();
    const port = new URL(server.url).port;
    for (const origin of [server.url, `http://localhost:${port}`, "https://chat.example.com"]) {
      await connected(server.createClient({ user, origin }));
    }
  });

  it("admits a program that signed up over HTTP and sends its cookie and Origin (as the load test does)", async () => {
    const cookie = await signUpOverHttp(server.url, "Virtual user 1");

    const client = server.createClient({ cookie, origin: server.url });
    const presence = nextEvent(client, "presence");
    await connected(client);
    expect(await presence).toMatchObject({ online: 1, users: [{ name: "Virtual user 1" }] });
    await joined(client, "general");
    const ack = await client.emitWithAck("chat message", "load test says hi");
    expect(ack).toMatchObject({ ok: true, message: { author: { name: "Virtual user 1" } } });
  });
});

describe("identity", () => {
  it("sets every message's author from the session, whatever the client claims", async () => {
    const [mallory, alice] = [await server.signUp("Mallory"), await server.signUp("Alice")];
    const observer = await server.connectClient();
    const inbox = recordEvents(observer, "chat message");
    // Claims in the handshake's auth payload are ignored...
    const client = server.createClient({
      user: mallory,
      auth: { user: { id: alice.id, name: alice.name }, name: alice.name },
    });
    await connected(client);
    await joined(client, "general");

    // ...and an author sent along with a message, as an extra argument or inside the payload, is refused.
    const raw = client as unknown as { emitWithAck: (event: string, ...args: unknown[]) => Promise<SendResult> };
    const asExtra = await raw.emitWithAck("chat message", "I am Alice", { author: { id: alice.id, name: alice.name } });
    expect(asExtra).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    const spoofed = await raw.emitWithAck("chat message", {
      text: "I am Alice",
      author: { id: alice.id, name: alice.name },
    });
    expect(spoofed).toMatchObject({ ok: false, error: { code: "invalid_payload" } });

    const ack = await client.emitWithAck("chat message", "hello");
    expect(ack).toMatchObject({ ok: true, message: { author: { id: mallory.id, name: mallory.name } } });
    await expect.poll(() => inbox.length).toBe(1);
    expect(inbox.map((message) => message.author)).toEqual([{ id: mallory.id, name: mallory.name }]);
  });
});

describe("signing out", () => {
  function disconnectReason(client: TestClient) {
    return new Promise<string>((resolve) => client.once("disconnect", resolve));
  }

  it("disconnects every socket of that session, and only those", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const aliceOnPhone = await server.signIn(alice); // the same person, a second session
    const aliceTabs = [await server.connectClient({ user: alice }), await server.connectClient({ user: alice })];
    const others = [await server.connectClient({ user: aliceOnPhone }), await server.connectClient({ user: bob })];
    const reasons = aliceTabs.map(disconnectReason);

    const response = await server.post("/sign-out", {}, { cookie: alice.cookie });
    expect(response.status).toBe(200);

    expect(await Promise.all(reasons)).toEqual(["io server disconnect", "io server disconnect"]);
    for (const client of others) expect((await client.emitWithAck("chat message", "still here")).ok).toBe(true);
    expect((await refused(server.createClient({ user: alice }))).message).toBe("unauthorized");
  });

  it("tells the others that the person left once their last connection is gone", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    await server.connectClient({ user: alice });
    const bobClient = await server.connectClient({ user: bob });
    const left = nextEvent(bobClient, "user left");

    await server.post("/sign-out", {}, { cookie: alice.cookie });

    expect(await left).toEqual({ user: { id: alice.id, name: alice.name }, online: 1 });
  });
});

describe("a session that ends elsewhere", () => {
  function disconnectReason(client: TestClient) {
    return new Promise<string>((resolve) => client.once("disconnect", resolve));
  }

  it("closes the connections of a session revoked through better-auth's API, telling them why", async () => {
    const alice = await server.signUp("Alice");
    const client = await server.connectClient({ user: alice });
    const [notice, reason] = [nextEvent(client, "closing"), disconnectReason(client)];

    await server.auth.api.revokeSession({
      body: { token: alice.token },
      headers: new Headers({ cookie: alice.cookie }),
    });

    expect(await notice).toEqual({ reason: "session_ended", message: expect.any(String) });
    expect(await reason).toBe("io server disconnect");
  });

  it.each([
    [
      "expired in the database",
      async (auth: Auth, token: string) => {
        await (await auth.$context).internalAdapter.updateSession(token, { expiresAt: new Date(Date.now() - 1000) });
      },
    ],
    [
      "deleted by another process (no hooks run here)",
      async (auth: Auth, token: string) => {
        await (await auth.$context).adapter.delete({ model: "session", where: [{ field: "token", value: token }] });
      },
    ],
  ])("finds a session %s at the next session check, and closes only its connections", async (_name, endSession) => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const [aliceClient, bobClient] = [
      await server.connectClient({ user: alice }),
      await server.connectClient({ user: bob }),
    ];
    const [notice, reason] = [nextEvent(aliceClient, "closing"), disconnectReason(aliceClient)];

    await endSession(server.auth, alice.token);
    expect(await endEndedSessions(server.io, server.auth)).toHaveLength(1);

    expect(await notice).toEqual({ reason: "session_ended", message: expect.any(String) });
    expect(await reason).toBe("io server disconnect");
    expect((await bobClient.emitWithAck("chat message", "still here")).ok).toBe(true);
  });

  it("checks the session again on a connection's first event after its expiry time", async () => {
    const [alice, bob] = [await server.signUp("Alice"), await server.signUp("Bob")];
    const [aliceClient, bobClient] = [
      await server.connectClient({ user: alice }),
      await server.connectClient({ user: bob }),
    ];
    // Both connections believe their session expired a moment ago; only Alice's really has.
    for (const socket of server.io.of("/").sockets.values()) socket.data.sessionExpiresAt = Date.now() - 1;
    await (
      await server.auth.$context
    ).internalAdapter.updateSession(alice.token, { expiresAt: new Date(Date.now() - 1000) });
    const [notice, reason] = [nextEvent(aliceClient, "closing"), disconnectReason(aliceClient)];

    aliceClient.emit("chat message", "am I still signed in?", () => {});

    expect(await notice).toEqual({ reason: "session_ended", message: expect.any(String) });
    expect(await reason).toBe("io server disconnect");
    // Bob's session was extended meanwhile (here: never expired): his message goes through.
    expect((await bobClient.emitWithAck("chat message", "I am")).ok).toBe(true);
  });
});
