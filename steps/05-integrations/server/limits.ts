import { availableParallelism } from "node:os";

// Every limit the chat server enforces, in one place. MAX_MESSAGE_LENGTH and PRESENCE_LIST_MAX live in lib/protocol.ts
// and the room name rules (MAX_ROOM_NAME_LENGTH, ROOM_NAME_PATTERN) in lib/room-rules.ts, because the browser needs
// them too.

/**
 * Largest Socket.IO frame accepted (Socket.IO's default is 1 MB). A frame over it closes that one connection.
 * A maximal message, fully JSON-escaped, stays well under it.
 */
export const MAX_FRAME_BYTES = 16 * 1024;

/**
 * Per connection: most bytes that may wait to be sent to it, beyond what the kernel's socket buffers hold. A client
 * that falls this far behind (it stopped reading) is dropped instead of growing the server's memory; it reconnects.
 * About 500 maximal messages: an honest client, even a slow one, never gets near it.
 */
export const MAX_SEND_BUFFER_BYTES = 1024 * 1024;

/**
 * Per message: the @s the server looks up as mentions, and the most people one message can mention (each gets a
 * "room activity" of their own). A message that lists a crowd stops notifying after these.
 */
export const MAX_MENTIONS_PER_MESSAGE = 20;

/** Per connection: a burst of this many messages, then this many per second (a token bucket). */
export const MESSAGE_RATE_LIMIT = { burst: 10, perSecond: 5 };

/**
 * Per person, all their connections together: a burst of this many messages, then this many per second. Without
 * it, each tab would bring its own MESSAGE_RATE_LIMIT. One tab at its sustained rate uses all of it.
 */
export const PERSON_MESSAGE_RATE_LIMIT = { burst: 20, perSecond: 5 };

/**
 * Per connection: refused events (invalid, rate-limited, unknown) allowed before the server disconnects it —
 * a burst of this many, then this many per second. An honest client almost never gets refused.
 */
export const REFUSALS_LIMIT = { burst: 30, perSecond: 1 };

/**
 * Up to this many people online, each arrival and departure is announced to everyone at once, with a notice. Above
 * it, a frame per arrival to every connection would cost the square of the crowd (and flood the message list), so
 * presence is batched: see PRESENCE_BATCH_INTERVAL_MS.
 */
export const PRESENCE_ANNOUNCE_MAX_ONLINE = 200;

/**
 * In a crowd, everyone gets at most one presence update per this many milliseconds: the exact count and who came and
 * went since the last one. PRESENCE_LIST_MAX (lib/protocol.ts) bounds how many people a snapshot or update names.
 */
export const PRESENCE_BATCH_INTERVAL_MS = 2000;

/**
 * How often the server checks that the sessions of its connections still exist and have not expired. Sign-outs and
 * revocations through this process end connections at once; this catches expiry and deletions made elsewhere.
 */
export const SESSION_CHECK_INTERVAL_MS = 60_000;

/**
 * Per client address and account (the email tried): after this many failed sign-ins, that account is refused from
 * that address until the window (counted from the first failure) has passed, even with the right password. One
 * attendee's typos lock only their own account, so a workshop sharing one address keeps signing in.
 */
export const FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS = { max: 10, windowMs: 15 * 60_000 };

/**
 * Per client address, whatever the accounts: the ceiling for somebody trying many accounts from one place. Over it,
 * every sign-in from that address is refused until the window has passed. Far above what a room full of people
 * mistyping their passwords reaches.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = { max: 100, windowMs: 15 * 60_000 };

/**
 * Per account, from any address: after `freeFailures` failures, each further attempt waits `firstDelayMs`, doubled
 * per failure up to `maxDelayMs`, after the last one. Slows guessing spread over many addresses without locking the
 * owner out for long; a successful sign-in, or `forgetAfterMs` without failures, clears it.
 */
export const FAILED_SIGN_IN_BACKOFF = {
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

/**
 * Per client address: sign-ups allowed within the window (counted from the first). Enough for a workshop behind one
 * shared address to register together; stops one address from creating accounts by the thousand.
 */
export const SIGN_UPS_PER_ADDRESS = { max: 25, windowMs: 5 * 60_000 };

/**
 * Requests that hash a password (sign-in, sign-up, change of password): scrypt costs ≈45 ms of CPU and 32 MB each.
 * At most `running` at once — one core less than the machine has, so the chat keeps a core for its messages — and
 * `waiting` more queued behind them; any further one is refused at once with 503 and Retry-After.
 */
export const PASSWORD_HASHING_LIMIT = { running: Math.max(1, availableParallelism() - 1), waiting: 16 };

/** Largest request body the auth endpoints read: a sign-up form is a few hundred bytes. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** Refusals that can come in floods (failed sign-ins, refused connections) are logged as one line per kind per interval. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

/**
 * Rooms one person may have created, direct messages they started included: those that still exist, so a private
 * room that ended (its last member left) frees its place. Finding an existing direct message again does not count.
 * Keeps one account from filling the room list and the server's memory.
 */
export const MAX_ROOMS_PER_USER = 50;

/**
 * Public rooms the server keeps, general included. Sign-ups are free, so without it a flood of accounts could
 * create rooms without end (MAX_ROOMS_PER_USER each); past it, new public rooms are refused with a clear error.
 */
export const MAX_PUBLIC_ROOMS = 10_000;

/** Rooms of every kind the server keeps (about 1 KB of memory each before their members): the same flood, bounded. */
export const MAX_ROOMS = 50_000;

/** Public rooms in one answer to "browse rooms"; the client asks for the next page with the cursor it got. */
export const PUBLIC_ROOMS_PAGE_SIZE = 20;

/** Members of one private room, its creator included. Public rooms have no limit; a direct message has two. */
export const MAX_MEMBERS_PER_PRIVATE_ROOM = 50;

/** Per connection, for every room request (list, create, join, leave, invite, open direct): a token bucket. */
export const ROOM_REQUEST_RATE_LIMIT = { burst: 20, perSecond: 5 };

// Integrations (server/integrations/): what one room's connections to other services may cost.

/** Integrations of one room (outgoing and incoming together), and of one person across their rooms. */
export const MAX_INTEGRATIONS_PER_ROOM = 5;
export const MAX_INTEGRATIONS_PER_USER = 20;

/** Longest webhook URL accepted: Slack's and Discord's are about 120 characters. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Outgoing deliveries, per integration: one request at a time, `maxQueued` messages waiting behind it (past that the
 * oldest is dropped and counted), `timeoutMs` for an answer, `maxAttempts` tries with exponential backoff and jitter
 * from `firstRetryMs` up to `maxRetryMs`; a Retry-After is believed up to `maxRetryAfterMs`. After
 * `rejectionsToDisable` refusals in a row (4xx), or one 410 Gone, the integration is disabled.
 */
export const DELIVERY_POLICY = {
  maxQueued: 50,
  timeoutMs: 5_000,
  maxAttempts: 5,
  firstRetryMs: 1_000,
  maxRetryMs: 30_000,
  maxRetryAfterMs: 60_000,
  rejectionsToDisable: 3,
};

/** Incoming webhooks: largest body read, posts per hook per minute, and how far a signature's clock may be off. */
export const MAX_HOOK_BODY_BYTES = 8 * 1024;
export const HOOK_POSTS_PER_MINUTE = 30;
export const HOOK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
