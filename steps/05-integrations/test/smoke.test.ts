import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../server/database";
import { firstPresence, signUpOverHttp } from "./http-client";
import { freePort, startBuiltServer, type RunningServer } from "./start-server";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "chat-02-smoke-"));

describe("the custom server", () => {
  let server: RunningServer;
  let data: string;
  let cookie: string;
  beforeAll(async () => {
    const port = await freePort();
    data = dataDir();
    server = await startBuiltServer({
      PORT: String(port),
      DATA_DIR: data,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    });
    cookie = await signUpOverHttp(server.url, "Smoke Tester");
  });
  afterAll(() => server?.stop());

  it("creates and migrates its SQLite database in DATA_DIR", () => {
    expect(existsSync(path.join(data, DATABASE_FILE))).toBe(true);
  });

  it("sends a visitor who is not signed in to the log-in page", async () => {
    const response = await fetch(server.url, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location") ?? "", server.url).pathname).toBe("/login");
  });

  it("serves the log-in and registration forms with labelled fields, and sends a signed-in person on", async () => {
    const login = await (await fetch(`${server.url}/login`)).text();
    expect(login).toContain('for="email"');
    expect(login).toContain('for="password"');
    const register = await (await fetch(`${server.url}/register`)).text();
    expect(register).toContain('for="name"');
    expect(await fetch(`${server.url}/login`, { headers: { cookie }, redirect: "manual" })).toHaveProperty(
      "status",
      307,
    );
  });

  it("sends every page with a Content-Security-Policy whose fresh nonce each of its scripts carries", async () => {
    const pages = await Promise.all(["/login", "/login", "/no-such-page"].map((page) => fetch(`${server.url}${page}`)));
    const policies = pages.map((response) => response.headers.get("content-security-policy") ?? "");
    const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
    expect(new Set(nonces).size).toBe(3);
    for (const [i, response] of pages.entries()) {
      expect(policies[i]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
      expect(policies[i]).toContain("object-src 'none'");
      expect(policies[i]).not.toContain("unsafe-"); // production: neither inline script nor eval
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonces[i]}"`);
    }
  });

  it("serves the chat page through Next, in the default room", async () => {
    const home = await fetch(server.url, { headers: { cookie }, redirect: "manual" });
    expect(home.status).toBe(307);
    expect(new URL(home.headers.get("location") ?? "", server.url).pathname).toBe("/rooms/general");
    const response = await fetch(`${server.url}/rooms/general`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('aria-label="Messages"');
    expect(html).toContain('for="message-input"');
    expect(html).toContain('data-status="connecting"');
    expect(html).toContain("Smoke Tester");
  });

  it("serves Socket.IO on the same port as the pages, to the same session cookie", async () => {
    expect(await firstPresence(server.url, cookie)).toEqual({
      online: 1,
      users: [{ id: expect.any(String), name: "Smoke Tester" }],
    });
  });

  it("shows a room created over the socket to its members' pages, and a 404 naming no room to anyone else", async () => {
    // The custom server and Next's pages are bundled apart but share one process: this fails if they do not share
    // one room store (server/rooms/shared-room-store.ts).
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
      const name = `Hidden room ${Date.now()}`;
      const created = await client.timeout(5000).emitWithAck("create room", { name, kind: "private" });
      expect(created).toMatchObject({ ok: true, room: { id: expect.any(String), name } });
      const url = `${server.url}/rooms/${(created as { room: { id: string } }).room.id}`;

      const seen = await fetch(url, { headers: { cookie: member } });
      expect(seen.status).toBe(200);
      expect(await seen.text()).toContain(name);

      for (const page of [url, `${server.url}/rooms/NoSuchRoom00`, `${server.url}/rooms/${"%2e%2e%2f".repeat(3)}`]) {
        const refused = await fetch(page, { headers: { cookie: outsider } });
        expect(refused.status).toBe(404);
        const html = await refused.text();
        expect(html).toContain("Room not found");
        expect(html).not.toContain(name);
        expect(html).not.toContain('aria-label="Messages"');
      }
      const anonymous = await fetch(url, { redirect: "manual" });
      expect(anonymous.status).toBe(307);
      expect(new URL(anonymous.headers.get("location") ?? "", server.url).pathname).toBe("/login");
    } finally {
      client.disconnect();
    }
  });

  it("refuses a socket without a session", async () => {
    const client = connect(server.url, { transports: ["websocket"], reconnection: false });
    const error = await new Promise<Error>((resolve) => client.once("connect_error", resolve));
    expect(error.message).toBe("unauthorized");
    client.disconnect();
  });

  it("answers an unknown path with Next's 404", async () => {
    const response = await fetch(`${server.url}/no-such-page`);
    expect(response.status).toBe(404);
  });
});

describe("start-up", () => {
  it("stops in production without BETTER_AUTH_SECRET, saying why", async () => {
    await expect(startBuiltServer({ BETTER_AUTH_SECRET: "", DATA_DIR: dataDir() })).rejects.toThrow(
      /BETTER_AUTH_SECRET is not set/,
    );
  });
});
