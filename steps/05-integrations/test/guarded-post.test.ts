import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlockedAddressError, guardedPost, type Resolver } from "../server/integrations/guarded-post";
import { startFakeReceiver, type FakeReceiver } from "./fake-receiver";

// The guard with real node:http requests, to a receiver on the loopback only. Names resolve through a fake resolver
// that records what it was asked: no real DNS, and no address outside the loopback is ever connected to.

let receiver: FakeReceiver;
let asked: string[];
beforeEach(async () => {
  receiver = await startFakeReceiver();
  asked = [];
});
afterEach(() => receiver.close());

const resolveTo =
  (...addresses: string[]): Resolver =>
  (hostname) => {
    asked.push(hostname);
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
  };

const post = (host: string, resolve: Resolver, allowLoopback: boolean, timeoutMs = 2_000) =>
  guardedPost(
    new URL(`http://${host}:${receiver.port}/hook`),
    '{"a":1}',
    { "x-test": "1" },
    {
      resolve,
      allowLoopback,
      timeoutMs,
    },
  );

describe("the guarded POST", () => {
  it("resolves a name once, checks the address, and connects to exactly what it checked", async () => {
    const answer = await post("receiver.example.test", resolveTo("127.0.0.1"), true);
    expect(answer).toEqual({ status: 200, retryAfter: undefined });
    expect(asked).toEqual(["receiver.example.test"]);
    expect(receiver.received).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/hook",
        body: '{"a":1}',
        headers: expect.objectContaining({ "content-type": "application/json", "x-test": "1" }),
      }),
    ]);
  });

  it("refuses before connecting when a name resolves to a forbidden address, even one of several", async () => {
    await expect(post("receiver.example.test", resolveTo("127.0.0.1"), false)).rejects.toThrow(BlockedAddressError);
    await expect(post("receiver.example.test", resolveTo("10.0.0.1", "127.0.0.1"), true)).rejects.toThrow(
      "receiver.example.test is not a public internet address.",
    );
    expect(receiver.connections).toBe(0);
  });

  it("refuses an address spelled out in the URL without asking the resolver", async () => {
    for (const host of ["127.0.0.1", "2130706433", "[::ffff:127.0.0.1]"]) {
      await expect(post(host, resolveTo("127.0.0.1"), false), host).rejects.toThrow(BlockedAddressError);
    }
    expect(asked).toEqual([]);
    expect(receiver.connections).toBe(0);
  });

  it("does not follow a redirect: the 3xx is the answer", async () => {
    receiver.answerWith(() => ({ status: 302, headers: { location: `${receiver.origin}/elsewhere` } }));
    expect(await post("127.0.0.1", resolveTo(), true)).toEqual({ status: 302, retryAfter: undefined });
    expect(receiver.received.map((request) => request.path)).toEqual(["/hook"]);
  });

  it("passes Retry-After on, and gives up on an endpoint that does not answer in time", async () => {
    receiver.answerWith(() => ({ status: 429, headers: { "retry-after": "7" } }));
    expect(await post("127.0.0.1", resolveTo(), true)).toEqual({ status: 429, retryAfter: "7" });
    receiver.answerWith(() => "hang");
    await expect(post("127.0.0.1", resolveTo(), true, 300)).rejects.toThrow("no answer within 0.3 s");
  });
});
