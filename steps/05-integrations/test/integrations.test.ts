import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "../lib/auth-rules";
import { MAX_MESSAGE_LENGTH, type ChatMessage, type IntegrationView } from "../lib/protocol";
import type { Resolver } from "../server/integrations/guarded-post";
import {
  PRODUCTION_SETTINGS,
  testSettings,
  type IntegrationSettings,
} from "../server/integrations/integration-settings";
import { createIntegrations } from "../server/integrations/integrations";
import { signedHeaders, verify } from "../server/integrations/standard-webhooks";
import { HOOK_POSTS_PER_MINUTE, MAX_HOOK_BODY_BYTES, MAX_INTEGRATIONS_PER_ROOM } from "../server/limits";
import { nextEvent, recordEvents, startChatTestServer, type ChatTestServer, type TestClient } from "./chat-test-server";
import { startFakeReceiver, type FakeReceiver } from "./fake-receiver";
import { createRoom, recordEverything, request, roundTrip, uniqueName } from "./room-helpers";

// Rooms connected to fake Slack, Discord and webhook receivers on the loopback (the test configuration), and bots
// posting into rooms. No request leaves the loopback; no real name is looked up (the resolver is a fake).

/** Names tests use, resolved without DNS; nothing here resolves to a non-loopback address that is public. */
const fakeResolver: Resolver = (hostname) => {
  const table: Record<string, string[]> = {
    "loopback.example.test": ["127.0.0.1"],
    "private.example.test": ["10.0.0.7"],
    "mixed.example.test": ["10.1.2.3", "127.0.0.1"],
  };
  const addresses = table[hostname];
  if (!addresses)
    return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
  return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
};

let receiver: FakeReceiver;
let server: ChatTestServer;

async function start(
  settings: (receiver: FakeReceiver) => IntegrationSettings = (r) => testSettings(r.origin, fakeResolver),
) {
  receiver = await startFakeReceiver();
  server = await startChatTestServer({ integrations: createIntegrations(settings(receiver)) });
}
afterEach(async () => {
  await server.close();
  await receiver.close();
});

async function send(client: TestClient, text: string): Promise<ChatMessage> {
  const ack = await client.emitWithAck("chat message", text);
  if (!ack.ok) throw new Error(`send: ${ack.error.code}`);
  return ack.message;
}

/** A creator with a room of their own open (public unless said otherwise). */
async function creatorWithRoom(kind: "public" | "private" = "public") {
  const user = await server.signUp("Creator");
  const client = await server.connectClient({ user });
  const room = await createRoom(client, uniqueName("Linked"), kind);
  expect((await client.emitWithAck("join room", { roomId: room.id })).ok).toBe(true);
  return { user, client, room };
}

async function connect(client: TestClient, roomId: string, kind: "slack" | "discord" | "webhook", url: string) {
  const result = await request(client, "add integration", { roomId, kind, url });
  if (!result.ok) throw new Error(`add integration: ${result.error.message}`);
  return result;
}

const slackUrl = () => `${receiver.origin}/slack/services/T0001/B0001/Sl4ckS3cretT0ken`;
const discordUrl = () => `${receiver.origin}/discord/api/webhooks/123456789/D1sc0rd-S3cret_Token`;
const json = (body: string) => JSON.parse(body) as unknown;

describe("outgoing integrations", () => {
  beforeEach(() => start());

  it("forwards every new message to Slack as mrkdwn, with its author, and no ping", async () => {
    const { client, room, user } = await creatorWithRoom();
    const { integration } = await connect(client, room.id, "slack", slackUrl());
    expect(integration).toMatchObject({
      kind: "slack",
      roomId: room.id,
      target: expect.stringContaining("/slack/services/T0001/B0001/••••"),
    });

    await send(client, "**Deploy** done <!channel> & [notes](https://example.com/n)");
    const [delivered] = await receiver.waitFor("/slack/");
    expect(delivered.path).toBe("/slack/services/T0001/B0001/Sl4ckS3cretT0ken");
    expect(delivered.headers["content-type"]).toBe("application/json");
    expect(json(delivered.body)).toEqual({
      text: `*${user.name}*: *Deploy* done &lt;!channel&gt; &amp; <https://example.com/n|notes>`,
    });
  });

  it("forwards to Discord with allowed_mentions parsing nothing, cut to 2,000 characters", async () => {
    const { client, room, user } = await creatorWithRoom();
    await connect(client, room.id, "discord", discordUrl());
    await send(client, `@everyone __look__ ${"z".repeat(1980)}`);
    const [delivered] = await receiver.waitFor("/discord/");
    const body = json(delivered.body) as { content: string; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content.startsWith(`**${user.name}**: @everyone **look** zzz`)).toBe(true);
    expect(body.content).toHaveLength(2000);
  });

  it("signs a generic webhook in the Standard Webhooks format with the secret shown once, the message id as webhook-id", async () => {
    const { client, room } = await creatorWithRoom();
    const { secret, integration } = await connect(client, room.id, "webhook", `${receiver.origin}/hooks/chat`);
    expect(secret).toMatch(/^whsec_/);
    const message = await send(client, "signed *hello*");
    const [delivered] = await receiver.waitFor("/hooks/");
    expect(delivered.headers["webhook-id"]).toBe(`msg_${message.id}`);
    expect(verify(secret as string, delivered.headers, Buffer.from(delivered.body), 300)).toEqual({
      ok: true,
      id: `msg_${message.id}`,
    });
    expect(json(delivered.body)).toEqual({
      type: "message.created",
      timestamp: new Date(message.sentAt).toISOString(),
      data: message,
    });

    // The secret is never shown again: not in the list, not in anything the room's members receive.
    const listed = await request(client, "list integrations", { roomId: room.id });
    expect(listed).toEqual({ ok: true, integrations: [{ ...integration, status: expect.any(Object) }] });
    expect(JSON.stringify(listed)).not.toContain((secret as string).slice(6));
  });

  it("signs with a rotated secret from the next message on, and never with the old one again", async () => {
    const { client, room } = await creatorWithRoom();
    const first = await connect(client, room.id, "webhook", `${receiver.origin}/hooks/rotating`);
    const rotated = await request(client, "rotate integration secret", {
      roomId: room.id,
      integrationId: first.integration.id,
    });
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.secret).not.toBe(first.secret);
    await send(client, "after the rotation");
    const [delivered] = await receiver.waitFor("/hooks/rotating");
    const body = Buffer.from(delivered.body);
    expect(verify(rotated.secret as string, delivered.headers, body, 300).ok).toBe(true);
    expect(verify(first.secret as string, delivered.headers, body, 300).ok).toBe(false);
  });

  it("never shows a provider URL's secret part, and lets only the room's creator see or change anything", async () => {
    const { client, room } = await creatorWithRoom();
    const added = await connect(client, room.id, "slack", slackUrl());
    expect(JSON.stringify(added)).not.toContain("Sl4ckS3cretT0ken");
    expect(room.createdBy).toBeDefined();

    const member = await server.connectClient({ room: room.id });
    const denied = { ok: false, error: { code: "not_found", message: expect.any(String) } };
    expect(await request(member, "list integrations", { roomId: room.id })).toEqual(denied);
    expect(await request(member, "add integration", { roomId: room.id, kind: "incoming" })).toEqual(denied);
    const target = { roomId: room.id, integrationId: added.integration.id };
    expect(await request(member, "remove integration", target)).toEqual(denied);
    expect(await request(member, "rotate integration secret", target)).toEqual(denied);
    expect(await request(member, "list integrations", { roomId: "general" })).toEqual(denied);
    expect((await request(client, "list integrations", { roomId: room.id })).ok).toBe(true);
  });

  it.each([
    ["slack", "https://hooks.slack.com.evil.test/services/T1/B1/x"],
    ["slack", "https://hooks.slack.com/services/T1/B1/x"], // the real host, outside the test configuration's
    ["discord", "http://127.0.0.1:1/discord/api/webhooks/1/x"],
    ["webhook", "http://example.com/hook"],
    ["webhook", "https://user:password@example.com/hook"],
    ["webhook", "https://10.0.0.1/hook"],
    ["webhook", "https://[::ffff:169.254.169.254]/latest"],
    ["webhook", "https://2130706433:8080/"],
    ["webhook", "not a url"],
  ] as const)("refuses a %s URL like %s, before any request", async (kind, url) => {
    const { client, room } = await creatorWithRoom();
    expect(await request(client, "add integration", { roomId: room.id, kind, url })).toEqual({
      ok: false,
      error: { code: "invalid_payload", message: expect.any(String) },
    });
    expect(receiver.connections).toBe(0);
  });

  it("retries a 429 after its Retry-After and a 5xx after a backoff, and says so in the settings", async () => {
    const { client, room } = await creatorWithRoom();
    const { integration } = await connect(client, room.id, "discord", discordUrl());
    receiver.answerWith(({ path }) => {
      const tries = receiver.received.filter((request) => request.path === path).length;
      return tries === 1
        ? { status: 429, headers: { "retry-after": "0" } }
        : tries === 2
          ? { status: 503 }
          : { status: 204 };
    });
    const updates = recordEvents(client, "integration updated");
    await send(client, "third time lucky");
    const attempts = await receiver.waitFor("/discord/", 3);
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
    // The creator hears of each attempt: two failures, then the delivery.
    await expect.poll(() => updates.length).toBe(3);
    expect(updates.map(({ status }) => [status.lastError, status.lastSuccessAt !== null])).toEqual([
      ["HTTP 429 Too Many Requests", false],
      ["HTTP 503", false],
      ["HTTP 503", true],
    ]);
    const listed = await request(client, "list integrations", { roomId: room.id });
    const status = listed.ok ? listed.integrations[0].status : undefined;
    expect(status).toMatchObject({
      disabled: null,
      lastSuccessAt: expect.any(Number),
      lastError: "HTTP 503",
      dropped: 0,
    });
    expect(listed.ok && listed.integrations[0].id).toBe(integration.id);
  });

  it("disables an integration whose endpoint answers 410, tells the creator, and forwards nothing more to it", async () => {
    const { client, room } = await creatorWithRoom();
    await connect(client, room.id, "slack", slackUrl());
    await connect(client, room.id, "discord", discordUrl());
    receiver.answerWith(({ path }) => ({ status: path.startsWith("/slack/") ? 410 : 200 }));
    const updates = recordEvents(client, "integration updated");
    await send(client, "first");
    await expect
      .poll(() => updates.find((update) => update.kind === "slack"))
      .toMatchObject({
        status: { disabled: expect.stringMatching(/410/), dropped: 1 },
      });

    await send(client, "second");
    await receiver.waitFor("/discord/", 2);
    expect(receiver.received.filter((request) => request.path.startsWith("/slack/"))).toHaveLength(1);
  });

  it("keeps the chat as fast as ever while a receiver hangs: every broadcast arrives with the request still unanswered", async () => {
    const { client, room } = await creatorWithRoom();
    await connect(client, room.id, "webhook", `${receiver.origin}/hooks/hanging`);
    receiver.answerWith(() => "hang");
    const member = await server.connectClient({ room: room.id });
    const inbox = recordEvents(member, "chat message");
    for (let i = 1; i <= 10; i++) await send(client, `message ${i}`);
    await roundTrip(member);
    expect(inbox.map((message) => message.text)).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i + 1}`));
    // One request in flight, never answered; the others wait in the bounded queue rather than opening more.
    expect(receiver.hanging).toBe(1);
    expect(receiver.connections).toBe(1);
  });

  it("stops deliveries at once when an integration is removed", async () => {
    const { client, room } = await creatorWithRoom();
    const { integration } = await connect(client, room.id, "webhook", `${receiver.origin}/hooks/removed`);
    await connect(client, room.id, "discord", discordUrl());
    expect((await request(client, "remove integration", { roomId: room.id, integrationId: integration.id })).ok).toBe(
      true,
    );
    await send(client, "after removal");
    await receiver.waitFor("/discord/");
    expect(receiver.received.filter((request) => request.path.startsWith("/hooks/"))).toEqual([]);
  });

  it("limits the integrations of a room", async () => {
    const { client, room } = await creatorWithRoom();
    for (let i = 0; i < MAX_INTEGRATIONS_PER_ROOM; i++)
      expect((await request(client, "add integration", { roomId: room.id, kind: "incoming" })).ok).toBe(true);
    expect(await request(client, "add integration", { roomId: room.id, kind: "incoming" })).toMatchObject({
      ok: false,
      error: { code: "limit_reached" },
    });
  });

  it.each(["list integrations", "add integration", "remove integration", "rotate integration secret"])(
    "%s: malformed payloads get invalid_payload",
    async (event) => {
      const { client, room } = await creatorWithRoom();
      for (const payload of [
        null,
        "x",
        { roomId: room.id, extra: 1 },
        { roomId: { $ne: 1 } },
        { roomId: room.id, kind: "ftp", url: 1 },
        { roomId: room.id, kind: "incoming", url: "https://example.com/" },
      ]) {
        const answer = await client.timeout(5000).emitWithAck(event as "list integrations", payload as never);
        expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
      }
    },
  );
});

describe("the address guard, end to end (loopback targets only)", () => {
  // Production rules (no loopback), with a fake resolver: the guard must refuse before any connection is opened.
  beforeEach(() => start(() => ({ ...PRODUCTION_SETTINGS, resolve: fakeResolver })));

  it.each(["loopback.example.test", "private.example.test", "mixed.example.test"])(
    "refuses to connect to %s after resolving it, and tells the creator",
    async (host) => {
      const { client, room } = await creatorWithRoom();
      await connect(client, room.id, "webhook", `https://${host}:${receiver.port}/hook`);
      const failed = nextEvent(client, "integration updated");
      await send(client, "should go nowhere");
      expect((await failed).status).toMatchObject({
        lastError: `${host} is not a public internet address.`,
        dropped: 1,
      });
      expect(receiver.connections).toBe(0);
    },
  );

  it("refuses a loopback address spelled out in the URL when adding it", async () => {
    const { client, room } = await creatorWithRoom();
    for (const host of ["127.0.0.1", "[::1]", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]"]) {
      const url = `https://${host}:${receiver.port}/hook`;
      expect(await request(client, "add integration", { roomId: room.id, kind: "webhook", url }), url).toMatchObject({
        ok: false,
      });
    }
  });
});

describe("incoming webhooks (bots)", () => {
  beforeEach(() => start());

  async function hookOf(client: TestClient, roomId: string) {
    const result = await request(client, "add integration", { roomId, kind: "incoming" });
    if (!result.ok || !result.secret) throw new Error("no incoming webhook");
    return { integration: result.integration, secret: result.secret };
  }

  let sequence = 0;
  /** POSTs `body` to the hook, signed with `secret` (unless headers say otherwise), as a bot would. */
  function post(
    hook: { integration: IntegrationView; secret: string },
    body: unknown,
    headers: Record<string, string> = {},
    now = Date.now(),
  ) {
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    const signed = signedHeaders(hook.secret, `evt_${++sequence}`, raw, now);
    return fetch(`${server.url}${hook.integration.target}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signed, ...headers },
      body: raw,
    });
  }

  it("posts a signed bot message to the room's members, marked as a bot, and to nobody else", async () => {
    const { client, room } = await creatorWithRoom("private");
    const hook = await hookOf(client, room.id);
    expect(hook.integration.target).toBe(`/api/hooks/${hook.integration.id}`);
    const outsider = await server.connectClient();
    const outsiderSaw = recordEverything(outsider);
    const inbox = nextEvent(client, "chat message");

    const response = await post(hook, { text: "Build **passed**", username: "CI" });
    expect(response.status).toBe(200);
    const message = await inbox;
    expect(message).toMatchObject({ roomId: room.id, text: "Build **passed**", bot: true, author: { name: "CI" } });
    expect(await response.json()).toEqual({ ok: true, id: message.id });
    expect(message.author.id).toMatch(/^bot:/);

    await roundTrip(outsider);
    expect(outsiderSaw.filter(({ event }) => event !== "presence" && !event.startsWith("user "))).toEqual([]);
    const listed = await request(client, "list integrations", { roomId: room.id });
    expect(listed.ok && listed.integrations[0].status.lastSuccessAt).toEqual(expect.any(Number));
  });

  it("tells members without the room open that something came, and does not send the bot's post out again", async () => {
    const { client, room, user } = await creatorWithRoom();
    await connect(client, room.id, "discord", discordUrl());
    const hook = await hookOf(client, room.id);
    const elsewhere = await server.connectClient({ user });
    const activity = nextEvent(elsewhere, "room activity");
    expect((await post(hook, { text: "from a bot" })).status).toBe(200);
    expect(await activity).toEqual({ roomId: room.id });
    await send(client, "from a person");
    const [forwarded] = await receiver.waitFor("/discord/");
    expect(forwarded.body).toContain("from a person");
    expect(receiver.received.some((request) => request.body.includes("from a bot"))).toBe(false);
  });

  it.each([
    ["no signature at all", { "webhook-signature": "" }],
    ["a wrong signature", { "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" }],
    ["no webhook-id", { "webhook-id": "" }],
  ])("refuses %s with 401", async (_, headers) => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    const inbox = recordEvents(client, "chat message");
    const response = await post(hook, { text: "forged" }, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, message: expect.any(String) });
    await roundTrip(client);
    expect(inbox).toEqual([]);
  });

  it("refuses a signature made with another secret, or by an old secret after a rotation", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    const other = await hookOf(client, room.id);
    expect((await post({ ...hook, secret: other.secret }, { text: "x" })).status).toBe(401);
    const rotated = await request(client, "rotate integration secret", {
      roomId: room.id,
      integrationId: hook.integration.id,
    });
    expect((await post(hook, { text: "old secret" })).status).toBe(401);
    expect(
      (await post({ ...hook, secret: rotated.ok ? (rotated.secret as string) : "" }, { text: "new secret" })).status,
    ).toBe(200);
  });

  it("refuses a timestamp more than five minutes off, either way", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    expect((await post(hook, { text: "stale" }, {}, Date.now() - 6 * 60_000)).status).toBe(401);
    expect((await post(hook, { text: "ahead" }, {}, Date.now() + 6 * 60_000)).status).toBe(401);
    expect((await post(hook, { text: "now" }, {}, Date.now() - 60_000)).status).toBe(200);
  });

  it("refuses a replay of an accepted request with 409", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    const raw = JSON.stringify({ text: "once" });
    const headers = { "content-type": "application/json", ...signedHeaders(hook.secret, "evt_replayed", raw) };
    const url = `${server.url}${hook.integration.target}`;
    expect((await fetch(url, { method: "POST", headers, body: raw })).status).toBe(200);
    expect((await fetch(url, { method: "POST", headers, body: raw })).status).toBe(409);
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    expect((await post(hook, { text: "x".repeat(MAX_HOOK_BODY_BYTES + 1) })).status).toBe(413);
    const { request: httpRequest } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const streamed = httpRequest(`${server.url}${hook.integration.target}`, { method: "POST" }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      streamed.on("error", reject);
      for (let i = 0; i < 10; i++) streamed.write("y".repeat(1024)); // chunked: no Content-Length
      streamed.end();
    });
    expect(status).toBe(413);
  });

  it.each([
    ["not JSON", "{text"],
    ["an unknown field", { text: "hi", channel: "#general" }],
    ["an empty text", { text: "  " }],
    ["a text that is not a string", { text: 42 }],
    ["a text over the limit", { text: "x".repeat(MAX_MESSAGE_LENGTH + 1) }],
    ["a username with hidden characters", { text: "hi", username: "\u202eevil" }],
    ["a username over the name limit", { text: "hi", username: "b".repeat(MAX_NAME_LENGTH + 1) }],
  ])("refuses %s with 400", async (_, body) => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    const response = await post(hook, body);
    expect(response.status).toBe(400);
  });

  it("refuses a revoked hook at once with 404, as an unknown one", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    expect((await post(hook, { text: "before" })).status).toBe(200);
    await request(client, "remove integration", { roomId: room.id, integrationId: hook.integration.id });
    expect((await post(hook, { text: "after" })).status).toBe(404);
    expect(
      (await post({ ...hook, integration: { ...hook.integration, target: "/api/hooks/unknown" } }, { text: "x" }))
        .status,
    ).toBe(404);
  });

  it(`refuses more than ${HOOK_POSTS_PER_MINUTE} posts a minute with 429 and a Retry-After`, async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    for (let i = 0; i < HOOK_POSTS_PER_MINUTE; i++) expect((await post(hook, { text: `post ${i}` })).status).toBe(200);
    const refused = await post(hook, { text: "one too many" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers anything but POST with 405", async () => {
    const { client, room } = await creatorWithRoom();
    const hook = await hookOf(client, room.id);
    const response = await fetch(`${server.url}${hook.integration.target}`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
