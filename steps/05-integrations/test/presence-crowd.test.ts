import { afterEach, describe, expect, it } from "vitest";
import { chatReducer, initialChatState, type ChatAction, type ChatState } from "../lib/chat-reducer";
import type { ChatUser } from "../lib/protocol";
import {
  connected,
  nextEvent,
  startChatTestServer,
  type ChatTestServer,
  type TestClient,
  type TestUser,
} from "./chat-test-server";

// A crowd without hundreds of people: above three online, presence is batched (the server's default is 200).
const CROWD = { announceMaxOnline: 3, batchIntervalMs: 200 };

let server: ChatTestServer;
afterEach(() => server.close());

/** Applies every presence event `client` receives to the page's own reducer; returns the page's state so far. */
function follow(client: TestClient): () => ChatState {
  let state = initialChatState;
  const apply = (action: ChatAction) => (state = chatReducer(state, action));
  client.on("presence", (snapshot) => apply({ type: "presence", ...snapshot }));
  client.on("presence update", (batch) => apply({ type: "presence update", ...batch }));
  client.on("user joined", (change) => apply({ type: "user joined", roomId: null, at: 0, ...change }));
  client.on("user left", (change) => apply({ type: "user left", roomId: null, at: 0, ...change }));
  return () => state;
}

async function join(user: TestUser) {
  const client = server.createClient({ user });
  const page = follow(client);
  await connected(client);
  return { user, client, page };
}

const ids = (users: ChatUser[]) => users.map((user) => user.id).sort();

describe("presence in a crowd (above the announce threshold)", () => {
  it("keeps every page's count and list equal to the server's as people come and go, and a newcomer's snapshot right", async () => {
    server = await startChatTestServer({ presence: CROWD });
    const people = await Promise.all(Array.from({ length: 7 }, (_, i) => server.signUp(`Person ${i}`)));
    const pages = [];
    for (const person of people) pages.push(await join(person));

    for (const leaving of pages.splice(0, 3)) leaving.client.disconnect();
    const newcomerUser = await server.signUp("Newcomer");
    const newcomerClient = server.createClient({ user: newcomerUser });
    const snapshot = nextEvent(newcomerClient, "presence");
    const newcomer = { user: newcomerUser, client: newcomerClient, page: follow(newcomerClient) };
    await connected(newcomerClient);
    pages.push(newcomer);

    const stillOnline = ids(pages.map((page) => page.user));
    await expect.poll(() => server.io.of("/").sockets.size, { timeout: 5000 }).toBe(5);
    const first = await snapshot;
    expect(first.online).toBe(5);
    expect(ids(first.users)).toEqual(stillOnline);
    for (const { page } of pages) {
      await expect.poll(() => page().online, { timeout: 5000 }).toBe(5);
      await expect.poll(() => ids(page().users), { timeout: 5000 }).toEqual(stillOnline);
    }
  });

  it("sends each connection at most one presence frame per interval, not one per arrival", async () => {
    const interval = 1000;
    server = await startChatTestServer({ presence: { announceMaxOnline: 1, batchIntervalMs: interval } });
    const observer = await join(await server.signUp("Observer"));
    const frames: string[] = [];
    for (const event of ["presence", "presence update", "user joined", "user left"] as const) {
      observer.client.on(event, () => frames.push(event));
    }
    const arrivals = await Promise.all(Array.from({ length: 6 }, (_, i) => server.signUp(`Arrival ${i}`)));

    const started = performance.now();
    await Promise.all(arrivals.map((person) => join(person)));
    await expect.poll(() => observer.page().online, { timeout: 10_000 }).toBe(7);
    const elapsed = performance.now() - started;

    expect(frames.length).toBeLessThan(arrivals.length);
    expect(frames.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / interval));
    expect(new Set(frames)).toEqual(new Set(["presence update"]));
    expect(ids(observer.page().users)).toEqual(ids([observer.user, ...arrivals]));
  });

  it("counts a person with two tabs once, however often a tab reconnects", async () => {
    server = await startChatTestServer({ presence: { announceMaxOnline: 1, batchIntervalMs: 100 } });
    const [alice, bob, carol] = [
      await server.signUp("Alice"),
      await server.signUp("Bob"),
      await server.signUp("Carol"),
    ];
    const observer = await join(alice);
    const batches: unknown[] = [];
    observer.client.on("presence update", (batch) => batches.push(batch));

    const bobTab1 = await join(bob);
    await join(bob);
    await expect.poll(() => observer.page().online, { timeout: 5000 }).toBe(2);
    bobTab1.client.disconnect();
    await join(bob);
    await join(carol);

    await expect.poll(() => observer.page().online, { timeout: 5000 }).toBe(3);
    expect(ids(observer.page().users)).toEqual(ids([alice, bob, carol]));
    expect(batches).not.toContainEqual(expect.objectContaining({ left: [expect.objectContaining({ id: bob.id })] }));
  });
});
