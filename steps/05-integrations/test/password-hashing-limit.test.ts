import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type ClientRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAuth, migrateAuthDatabase } from "../server/auth";
import { createAuthRoutes } from "../server/auth-routes";

const LIMIT = { running: 1, waiting: 2 };

let httpServer: Server;
let url: string;
let dataDir: string;
beforeEach(async () => {
  httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "chat-02-hashing-"));
  const auth = createAuth({
    dataDir,
    secret: randomBytes(32).toString("base64url"),
    baseURL: url,
    allowedOrigins: [url],
    trustedProxies: [],
  });
  await migrateAuthDatabase(auth);
  const routes = createAuthRoutes(auth, LIMIT);
  httpServer.on("request", (req, res) => routes(req, res) || res.writeHead(404).end());
});
afterEach(async () => {
  httpServer.closeAllConnections();
  await new Promise((resolve) => httpServer.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const signInBody = JSON.stringify({ email: "nobody@example.test", password: "a guess" });

/** A sign-in whose body arrives only when `finish` is called: it holds its place at the gate until then. */
function slowSignIn() {
  let req!: ClientRequest;
  const answered = new Promise<number>((resolve, reject) => {
    req = request(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(signInBody), origin: url },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write(signInBody.slice(0, 5));
  });
  return { answered, finish: () => req.end(signInBody.slice(5)) };
}

const signIn = () =>
  fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: signInBody,
  });

describe("the password hashing limit", () => {
  it(`with ${LIMIT.running} running and ${LIMIT.waiting} waiting, refuses the next sign-ins at once with 503 and Retry-After`, async () => {
    const held = Array.from({ length: LIMIT.running + LIMIT.waiting }, slowSignIn);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the held requests reach the server

    const refused = await Promise.all([
      signIn(),
      signIn(),
      fetch(`${url}/api/auth/sign-up/email`, { method: "POST", body: "{}" }),
    ]);
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toMatchObject({ code: "SERVER_BUSY", message: expect.any(String) });
    }
    // Other endpoints do not hash passwords and are not held up.
    expect((await fetch(`${url}/api/auth/get-session`)).status).toBe(200);

    for (const request of held) request.finish();
    expect(await Promise.all(held.map((request) => request.answered))).toEqual([401, 401, 401]);
    expect((await signIn()).status).toBe(401); // the slots were given back
  });
});
