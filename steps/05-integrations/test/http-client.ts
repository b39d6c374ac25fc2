import { randomUUID } from "node:crypto";
import { io as connect } from "socket.io-client";

/**
 * Connects a Socket.IO client to the app with a session `cookie` and the app's own Origin, as the load test's
 * virtual users do; resolves with the first presence snapshot the server sends it.
 */
export async function firstPresence(appUrl: string, cookie: string): Promise<unknown> {
  const client = connect(appUrl, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie, origin: appUrl },
  });
  try {
    return await new Promise((resolve, reject) => {
      client.once("presence", resolve);
      client.once("connect_error", reject);
    });
  } finally {
    client.disconnect();
  }
}

/**
 * Registers a new account over HTTP the way a program does: a JSON POST with the app's own Origin. Resolves with
 * the Cookie header that carries the new session.
 */
export async function signUpOverHttp(appUrl: string, name: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
    method: "POST",
    // Node's fetch sends Sec-Fetch-Mode like a browser, so better-auth wants the page's Origin too.
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify({ name, email: `${randomUUID()}@example.test`, password: `pw-${randomUUID()}` }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
}
