// Step 02 ("auth"): only a logged-in user may open a socket. Every client gets its own account, signed up over
// better-auth's HTTP API before the measurement; the session cookie then rides on the WebSocket upgrade request
// together with an Origin header (the server checks it).
import type { FeaturePreparation, UserPreparationContext, VirtualUser } from "./feature-preparation";

/** Sign-ups in flight at once: the server hashes each password (scrypt), so more would only queue. */
const CONCURRENT_SIGN_UPS = 4;
const SIGN_UP_TIMEOUT_MS = 30_000;
/** All sign-ups together may take this long plus half a second per user (≈0.1 s each on this machine). */
const ALL_SIGN_UPS_BASE_MS = 60_000;
const PASSWORD = "bench-password-not-secret";

/** `name=value` pairs of every Set-Cookie header, as a Cookie request header. */
export function cookieHeaderFrom(setCookies: string[]): string {
  return setCookies
    .map((setCookie) => setCookie.split(";", 1)[0].trim())
    .filter((pair) => pair.includes("="))
    .join("; ");
}

async function signUp(url: string, runId: string, user: VirtualUser): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({
      name: `Bench user ${user.index}`,
      email: `bench-${runId}-${user.index}@example.test`,
      password: PASSWORD,
    }),
    redirect: "manual",
    signal: AbortSignal.timeout(SIGN_UP_TIMEOUT_MS),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`sign-up of client ${user.index} failed: HTTP ${response.status} ${body.slice(0, 200)}`);
  const cookie = cookieHeaderFrom(response.headers.getSetCookie());
  if (!cookie) throw new Error(`sign-up of client ${user.index} set no session cookie`);
  return cookie;
}

async function signUpAll(context: UserPreparationContext, users: VirtualUser[]) {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const startedAt = Date.now();
  const deadline = startedAt + ALL_SIGN_UPS_BASE_MS + users.length * 500;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < users.length) {
      if (Date.now() > deadline) throw new Error(`sign-ups took too long: ${done} of ${users.length} done`);
      const user = users[next];
      next += 1;
      user.headers.cookie = await signUp(context.url, runId, user);
      done += 1;
      if (done % 100 === 0 || done === users.length) {
        context.log(`signed up ${done}/${users.length} clients (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_SIGN_UPS, users.length) }, worker));
}

export const authPreparation: FeaturePreparation = {
  prepareUsers: signUpAll,
};
