import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstPresence } from "./http-client";
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
      server = await startDevServer();
    } catch (error) {
      if (!(error instanceof DevServerAlreadyRunning)) throw error;
      cannotRun = error.message;
      return;
    }
    expect((await fetch(server.url)).status).toBe(200); // compiles the page and lets Next attach its upgrade handler
  }, 120_000);
  afterAll(() => server?.stop());

  it("keeps Next's hot-reload WebSocket working beside Socket.IO", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    const hmr = await upgrade(server.url, "/_next/hmr");
    expect(hmr.status).toBe(101);
    // Socket.IO's engine ends foreign upgrade requests nobody answered after 1 s; Next's must survive that.
    expect(await hmr.stillOpenAfterMs(1_500)).toBe(true);
  });

  it("serves Socket.IO from the dev server too", async ({ skip }) => {
    if (!server) return skip(cannotRun);
    expect(await firstPresence(server.url)).toEqual({ online: 1 });
  });
});
