import { afterEach, describe, expect, it } from "vitest";
import { chatReducer, initialChatState, type ChatAction, type ChatState } from "../lib/chat-reducer";
import { PRESENCE_ANNOUNCE_MAX_ONLINE } from "../server/limits";
import { startChatTestServer, type ChatTestServer, type TestClient } from "./chat-test-server";

let server: ChatTestServer;
afterEach(() => server.close());

/** Applies every presence event `client` receives to the page's own reducer; returns the page's count so far. */
function follow(client: TestClient): () => number | null {
  let state: ChatState = initialChatState;
  const apply = (action: ChatAction) => (state = chatReducer(state, action));
  client.on("presence", ({ online }) => apply({ type: "presence", online }));
  client.on("user joined", ({ online }) => apply({ type: "notice", text: "Someone joined", at: 0, online }));
  client.on("user left", ({ online }) => apply({ type: "notice", text: "Someone left", at: 0, online }));
  return () => state.online;
}

async function connectFollowed() {
  const client = server.createClient();
  const count = follow(client);
  await new Promise<void>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("connect_error", reject);
    client.connect();
  });
  return { client, count };
}

describe("presence in a crowd (above the announce threshold)", () => {
  it(`keeps every page's count equal to the server's above ${PRESENCE_ANNOUNCE_MAX_ONLINE} online, and a newcomer's too`, async () => {
    // The real threshold (a crowd of ~200 loopback sockets takes about a second), with a short interval.
    server = await startChatTestServer({ announceMaxOnline: PRESENCE_ANNOUNCE_MAX_ONLINE, batchIntervalMs: 100 });
    const pages: Awaited<ReturnType<typeof connectFollowed>>[] = [];
    for (let i = 0; i < PRESENCE_ANNOUNCE_MAX_ONLINE + 10; i += 1) pages.push(await connectFollowed());

    for (const leaving of pages.splice(0, 5)) leaving.client.disconnect();
    const newcomer = await connectFollowed();
    pages.push(newcomer);

    const truth = PRESENCE_ANNOUNCE_MAX_ONLINE + 6;
    await expect.poll(() => server.io.of("/").sockets.size, { timeout: 5000 }).toBe(truth);
    await expect.poll(() => pages.filter((page) => page.count() !== truth).length, { timeout: 5000 }).toBe(0);
  });

  it("sends each connection at most one presence frame per interval, not one per arrival", async () => {
    const interval = 1000;
    server = await startChatTestServer({ announceMaxOnline: 1, batchIntervalMs: interval });
    const observer = await connectFollowed();
    const frames: string[] = [];
    for (const event of ["presence", "user joined", "user left"] as const)
      observer.client.on(event, () => frames.push(event));

    const arrivals = 6;
    const started = performance.now();
    await Promise.all(Array.from({ length: arrivals }, () => connectFollowed()));
    await expect.poll(() => observer.count(), { timeout: 10_000 }).toBe(arrivals + 1);
    const elapsed = performance.now() - started;

    expect(frames.length).toBeLessThan(arrivals);
    expect(frames.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / interval));
  });
});
