import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstPresence } from "./http-client";
import { startBuiltServer, type RunningServer } from "./start-server";

describe("the custom server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startBuiltServer();
  });
  afterAll(() => server?.stop());

  it("serves the chat page through Next", async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('aria-label="Messages"');
    expect(html).toContain('for="message-input"');
    expect(html).toContain('data-status="connecting"');
  });

  it("serves Socket.IO on the same port as the pages", async () => {
    expect(await firstPresence(server.url)).toEqual({ online: 1 });
  });

  it("answers an unknown path with Next's 404", async () => {
    const response = await fetch(`${server.url}/no-such-page`);
    expect(response.status).toBe(404);
  });
});
