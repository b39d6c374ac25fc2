import type { Socket as NetSocket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TOO_FAR_BEHIND_CLOSE_CODE } from "../lib/protocol";
import { MAX_SEND_BUFFER_BYTES } from "../server/limits";
import { recordEvents, startChatTestServer, type ChatTestServer, type TestClient } from "./chat-test-server";

let server: ChatTestServer;
beforeEach(async () => {
  server = await startChatTestServer();
});
afterEach(() => server.close());

/** The TCP connection under a client's WebSocket: pausing it stops reading, as a frozen tab or a stalled network does. */
function tcpSocketOf(client: TestClient): NetSocket {
  return (client.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;
}

/** A broadcast of `size` characters to everyone, as many busy rooms would send (the server's own io, no rate limit). */
function broadcast(size: number, seq: number) {
  (server.io as unknown as { emit: (event: string, payload: unknown) => void }).emit("chat message", {
    seq,
    text: "x".repeat(size),
  });
}

describe("a client that stops reading", () => {
  it(`is dropped once more than ${MAX_SEND_BUFFER_BYTES} bytes wait for it; the others get every message`, async () => {
    const [reader, stalled] = [await server.connectClient(), await server.connectClient()];
    const inbox = recordEvents(reader, "chat message");
    const dropped = new Promise<string>((resolve) =>
      server.io.of("/").sockets.get(stalled.id!)!.once("disconnect", resolve),
    );
    let isDropped = false;
    void dropped.then(() => (isDropped = true));
    tcpSocketOf(stalled).pause();

    // Far more than the kernel's socket buffers and the cap together, sent until the server gives up on `stalled`.
    const chunk = 64 * 1024;
    let sent = 0;
    while (!isDropped && sent < 1000) {
      broadcast(chunk, sent++);
      if (sent % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    expect(await dropped).toBe("forced close");
    expect(sent * chunk).toBeGreaterThan(MAX_SEND_BUFFER_BYTES);
    await expect.poll(() => inbox.length, { timeout: 10_000 }).toBe(sent);
    expect(reader.connected).toBe(true);

    // Reading again, the client gets the close frame behind its backlog, with the reason, and can reconnect.
    const closed = new Promise<unknown>((resolve) =>
      stalled.once("disconnect", (_reason, details) => resolve(details)),
    );
    tcpSocketOf(stalled).resume();
    expect(await closed).toMatchObject({ context: { code: TOO_FAR_BEHIND_CLOSE_CODE } });
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()).connect());
    const after = recordEvents(stalled, "chat message");
    broadcast(10, sent);
    await expect.poll(() => after.length).toBe(1);
  });
});
