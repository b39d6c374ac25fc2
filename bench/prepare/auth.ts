// Step 02 ("auth"): only a logged-in user may open a socket. Every client gets its own account, signed up over
// better-auth's HTTP API before the measurement; the session cookie then rides on the WebSocket upgrade request
// together with an Origin header (the server checks it). Each virtual user signs up from an address of its own, sent
// as X-Forwarded-For, which the target believes because it trusts the loopback as its reverse proxy
// (tests/support/server-env.ts): the server limits sign-ups per address, and 2,000 real people would not share one.
// An app measured by URL must trust the loopback the same way (TRUSTED_PROXIES=127.0.0.1,::1).
import type { FeaturePreparation, UserPreparationContext, VirtualUser } from "./feature-preparation";

/** Sign-ups in flight at once: the server hashes each password (scrypt), so more would only queue. */
const CONCURRENT_SIGN_UPS = 4;
const SIGN_UP_TIMEOUT_MS = 30_000;
/**
 * The sign-ups fail when none has finished for this long. How long they all take depends on how busy the machine is
 * (≈0.1 s each when quiet, ten times that with other work beside it), so only a stall is an error, not a slow pace.
 */
const SIGN_UP_STALL_MS = 60_000;
const PASSWORD = "bench-password-not-secret";
/** A sign-up the server refused as busy (503: too many passwords hashing at once) is tried again this often. */
const MAX_BUSY_RETRIES = 20;

/** A distinct private address per virtual user: 10.0.0.1, 10.0.0.2, … */
export function addressOf(index: number): string {
  const n = index + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** `name=value` pairs of every Set-Cookie header, as a Cookie request header. */
export function cookieHeaderFrom(setCookies: string[]): string {
  return setCookies
    .map((setCookie) => setCookie.split(";", 1)[0].trim())
    .filter((pair) => pair.includes("="))
    .join("; ");
}

async function signUp(url: string, runId: string, user: VirtualUser): Promise<string> {
  for (let retry = 0; ; retry += 1) {
    const response = await postSignUp(url, runId, user);
    const retryAfter = Number(response.headers.get("retry-after")) || 1;
    if (response.status !== 503 || retry >= MAX_BUSY_RETRIES) return sessionCookieOf(response, user);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

function postSignUp(url: string, runId: string, user: VirtualUser): Promise<Response> {
  return fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": addressOf(user.index) },
    body: JSON.stringify({
      name: `Bench user ${user.index}`,
      email: `bench-${runId}-${user.index}@example.test`,
      password: PASSWORD,
    }),
    redirect: "manual",
    signal: AbortSignal.timeout(SIGN_UP_TIMEOUT_MS),
  });
}

async function sessionCookieOf(response: Response, user: VirtualUser): Promise<string> {
  const body = await response.text();
  if (!response.ok)
    throw new Error(`sign-up of client ${user.index} failed: HTTP ${response.status} ${body.slice(0, 200)}`);
  const cookie = cookieHeaderFrom(response.headers.getSetCookie());
  if (!cookie) throw new Error(`sign-up of client ${user.index} set no session cookie`);
  return cookie;
}

async function signUpAll(context: UserPreparationContext, users: VirtualUser[]) {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < users.length) {
      if (Date.now() - lastProgressAt > SIGN_UP_STALL_MS) {
        throw new Error(
          `sign-ups stalled: none finished for ${SIGN_UP_STALL_MS / 1000} s, ${done} of ${users.length} done`,
        );
      }
      const user = users[next];
      next += 1;
      user.headers.cookie = await signUp(context.url, runId, user);
      done += 1;
      lastProgressAt = Date.now();
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
