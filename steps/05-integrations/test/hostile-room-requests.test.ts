import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES } from "../server/limits";
import { startChatTestServer, type ChatTestServer, type TestClient, type TestUser } from "./chat-test-server";
import { request, sendRaw } from "./room-helpers";

let server: ChatTestServer;
let user: TestUser;
beforeEach(async () => {
  server = await startChatTestServer();
  user = await server.signUp("Fuzzer");
});
afterEach(() => server.close());

const ROOM_EVENTS = [
  "list rooms",
  "browse rooms",
  "create room",
  "join room",
  "leave room",
  "invite to room",
  "open direct",
] as const;

let deep: unknown = "bottom";
beforeAll(() => {
  for (let i = 0; i < 500; i++) deep = { roomId: deep };
});

/** Payloads no room event accepts: wrong types, wrong shapes, extra fields, tricks. */
const MALFORMED: [string, () => unknown[]][] = [
  ["no payload", () => []],
  ["undefined", () => [undefined]],
  ["null", () => [null]],
  ["a number", () => [42]],
  ["a string", () => ["general"]],
  ["an array", () => [["general"]]],
  ["a room id of the wrong type", () => [{ roomId: { $gt: "" }, name: 1, kind: 2, who: [], userId: true }]],
  ["an unknown field", () => [{ roomId: "general", name: "x", kind: "public", who: "x", userId: "x", admin: true }]],
  ["__proto__ as a key", () => [JSON.parse('{"__proto__": {"polluted": true}, "roomId": "general"}') as unknown]],
  ["deeply nested objects", () => [deep]],
  ["two payloads", () => [{ roomId: "general" }, { roomId: "general" }]],
];

describe("malformed room requests", () => {
  it.each(ROOM_EVENTS)(
    "%s: every malformed payload gets an invalid_payload error, and the server carries on",
    async (event) => {
      const client = await server.connectClient({ user, room: null });
      for (const [name, args] of MALFORMED) {
        const payload = args();
        // "list rooms" takes an empty object, so only its extra fields and wrong types are malformed.
        const answer = await sendRaw(client, event, ...payload);
        expect(answer, `${event} with ${name}`).toMatchObject({
          ok: false,
          error: { code: "invalid_payload", message: expect.any(String) },
        });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await request(client, "list rooms", {})).ok).toBe(true);
    },
  );

  it.each(ROOM_EVENTS)("%s: requests without an ack callback are handled without a crash", async (event) => {
    const client = await server.connectClient({ user });
    const raw = client as unknown as { emit: (event: string, ...args: unknown[]) => void };
    for (const [, args] of MALFORMED) raw.emit(event, ...args());
    raw.emit(event, { roomId: "general", name: "Valid name", kind: "public", who: user.email, userId: user.id });
    expect((await client.emitWithAck("chat message", "still here")).ok).toBe(true);
  });

  it("closes only the connection that sends an oversized room request", async () => {
    const [attacker, bystander] = [await server.connectClient({ user }), await server.connectClient({ user })];
    const closed = new Promise<string>((resolve) => attacker.once("disconnect", resolve));
    attacker.emit("create room", { name: "n".repeat(MAX_FRAME_BYTES * 2), kind: "public" }, () => {});
    expect(await closed).toMatch(/transport (close|error)/);
    expect((await request(bystander, "list rooms", {})).ok).toBe(true);
  });

  it("answers a well-formed request for a room that does not exist with not_found", async () => {
    const client: TestClient = await server.connectClient({ user });
    for (const event of ["join room", "leave room"] as const) {
      expect(await request(client, event, { roomId: "doesNotExist" })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    expect(await request(client, "invite to room", { roomId: "doesNotExist", who: user.email })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
