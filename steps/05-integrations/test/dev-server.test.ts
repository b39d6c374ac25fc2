import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstPresence, signUpOverHttp } from "./http-client";
import { DevServerAlreadyRunning, startDevServer, type RunningServer } from "./start-server";

/** Opens a WebSocket handshake on `path` and resolves with the HTTP status the server answered. */
function upgrade(
  url: string,
  path: string,
): Promise<{ status: number; stillOpenAfterMs: (ms: number) => Promise<boolean> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
      },
    });
    req.once("upgrade", (response, socket) => {
      let closed = false;
      socket.once("close", () => (closed = true));
      resolve({
        status: response.statusCode ?? 0,
        stillOpenAfterMs: (ms) =>
          new Promise((done) =>
            setTimeout(() => {
              done(!closed);
              socket.destroy();
            }, ms),
          ),
      });
    });
    req.once("response", (response) =>
      resolve({ status: response.statusCode ?? 0, stillOpenAfterMs: () => Promise.resolve(false) }),
    );
    req.once("error", reject);
    req.end();
  });
}

describe("npm run dev", () => {
  let server: RunningServer | undefined;
  let cannotRun: string | undefined;
  beforeAll(async () => {
    try {
      // A throwaway data folder: the development secret and database land there, not in the step's ./data.
      server = await startDevServer({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "chat-02-dev-")) });
    } catch (error) {
      if (!(error instanceof DevServerAlreadyRunning)) throw error;
      cannotRun = error.message;
      return;
    }
    expect((await fetch(`${server.url}/login`)).status).toBe(200); // compiles a page and lets Next attach its upgrade handler
  }, 120_000);
  afterAll(() => server?.stop());

  it("keeps Next's hot-reload WebSocket working beside Socket.IO", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    const hmr = await upgrade(server.url, "/_next/hmr");
    expect(hmr.status).toBe(101);
    // Socket.IO's engine ends foreign upgrade requests nobody answered after 1 s; Next's must survive that.
    expect(await hmr.stillOpenAfterMs(1_500)).toBe(true);
  });

  it("sends pages with a nonce CSP that allows eval only for React's development tools", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    const policy = (await fetch(`${server.url}/login`)).headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' 'unsafe-eval';/);
    expect(policy).toContain(`connect-src 'self' ws://${new URL(server.url).host}`);
  });

  it("shares the room store between the socket and the pages in development too", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    const [member, outsider] = [
      await signUpOverHttp(server.url, "Member"),
      await signUpOverHttp(server.url, "Outsider"),
    ];
    const client = connect(server.url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: member, origin: server.url },
    });
    try {
      const created = await client.timeout(5000).emitWithAck("create room", { name: "Dev room", kind: "private" });
      const url = `${server.url}/rooms/${(created as { room: { id: string } }).room.id}`;
      expect((await fetch(url, { headers: { cookie: member } })).status).toBe(200);
      expect((await fetch(url, { headers: { cookie: outsider } })).status).toBe(404);
    } finally {
      client.disconnect();
    }
  }, 120_000);

  it("serves sign-up and Socket.IO from the dev server too, with a generated secret", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    const cookie = await signUpOverHttp(server.url, "Dev");
    expect(await firstPresence(server.url, cookie)).toEqual({
      online: 1,
      users: [{ id: expect.any(String), name: "Dev" }],
    });
  });
});
