import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import { nameError } from "../../lib/auth-rules";
import type { ChatMessage } from "../../lib/protocol";
import { HOOK_POSTS_PER_MINUTE, HOOK_TIMESTAMP_TOLERANCE_SECONDS, MAX_HOOK_BODY_BYTES } from "../limits";
import { describeInvalid } from "../rooms/room-requests";
import { parseMessageText } from "../validate-message";
import { createWindowCounter } from "../window-counter";
import type { Integration, IntegrationStore } from "./integration-store";
import { verify } from "./standard-webhooks";

/** Bots POST to /api/hooks/<id>; the id is no secret, the signature is what counts. */
export const HOOK_PATH_PREFIX = "/api/hooks/";

/** Posts a bot's message into the hook's room; undefined when the room no longer exists. */
export type PostAsBot = (hook: Integration, text: string, username: string) => Promise<ChatMessage | undefined>;

const botPost = z.strictObject({ text: z.unknown(), username: z.string().optional() });

function parseBotPost(body: Buffer): { ok: true; text: string; username: string } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { ok: false, problem: 'The body must be JSON: { "text": "…", "username": "…" }.' };
  }
  const parsed = botPost.safeParse(json);
  if (!parsed.success) return { ok: false, problem: describeInvalid(parsed.error) };
  const text = parseMessageText(parsed.data.text);
  if (!text.ok) return { ok: false, problem: `text: ${text.error.message}` };
  const username = (parsed.data.username ?? "Bot").trim();
  const problem = nameError(username);
  return problem ? { ok: false, problem: `username: ${problem}` } : { ok: true, text: text.text, username };
}

/** The raw body, or null once it grows past `limit` bytes (the rest is never kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve(null);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": "application/json",
    ...(status >= 400 ? { connection: "close" } : {}),
    ...headers,
  });
  res.end(JSON.stringify(status < 300 ? { ok: true, id: message } : { ok: false, message }));
}

/**
 * Answers POST /api/hooks/<id> and returns true; false for any other request. Each refusal has its own status:
 * 404 no such hook (or revoked), 413 body too big, 401 unsigned, badly signed or stale, 409 a webhook-id already
 * accepted (a replay), 429 over the posts per minute, 400 not a valid message.
 */
export function createIncomingRoute(store: IntegrationStore, postAsBot: PostAsBot, now: () => number = Date.now) {
  const posts = createWindowCounter({ max: HOOK_POSTS_PER_MINUTE, windowMs: 60_000 }, now);
  // An id is remembered while a request carrying it could still pass the timestamp check, on either side of now.
  const accepted = createWindowCounter({ max: 1, windowMs: 2 * HOOK_TIMESTAMP_TOLERANCE_SECONDS * 1000 }, now);

  async function receive(req: IncomingMessage, res: ServerResponse, id: string) {
    if (req.method !== "POST") return answer(res, 405, "POST a signed JSON message.", { allow: "POST" });
    const tooBig = `A body can be at most ${MAX_HOOK_BODY_BYTES} bytes.`;
    if (Number(req.headers["content-length"] ?? 0) > MAX_HOOK_BODY_BYTES) return answer(res, 413, tooBig);
    const body = await readBody(req, MAX_HOOK_BODY_BYTES);
    if (body === null) return answer(res, 413, tooBig);
    // Looked up once the body is in: a hook revoked while it was arriving is already gone.
    const hook = /^[\w-]{1,64}$/.test(id) ? await store.get(id) : undefined;
    if (hook?.kind !== "incoming" || hook.secret === null) return answer(res, 404, "No such incoming webhook.");

    const verified = verify(hook.secret, req.headers, body, HOOK_TIMESTAMP_TOLERANCE_SECONDS, now());
    if (!verified.ok) return answer(res, 401, verified.problem);
    const replayKey = `${hook.id} ${verified.id}`;
    if (accepted.retryAfterMs(replayKey) > 0) return answer(res, 409, "This webhook-id was accepted before: a replay.");
    const wait = posts.retryAfterMs(hook.id);
    if (wait > 0) {
      const retryAfter = String(Math.ceil(wait / 1000));
      return answer(res, 429, `At most ${HOOK_POSTS_PER_MINUTE} posts a minute.`, { "retry-after": retryAfter });
    }
    const post = parseBotPost(body);
    if (!post.ok) return answer(res, 400, post.problem);
    // Recorded before the next await, so two copies of one request arriving together cannot both pass.
    accepted.record(replayKey);
    posts.record(hook.id);
    const message = await postAsBot(hook, post.text, post.username);
    answer(res, message ? 200 : 404, message?.id ?? "No such incoming webhook.");
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!req.url?.startsWith(HOOK_PATH_PREFIX)) return false;
    receive(req, res, req.url.slice(HOOK_PATH_PREFIX.length)).catch((error: unknown) => {
      console.error("[integrations] an incoming webhook failed", error);
      if (!res.headersSent) answer(res, 500, "The server could not handle that request.");
    });
    return true;
  };
}
