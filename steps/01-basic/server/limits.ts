// Every limit the chat server enforces, in one place. MAX_MESSAGE_LENGTH lives in lib/protocol.ts because the
// browser needs it too.

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

/** Per connection: a burst of this many messages, then this many per second (a token bucket). */
export const MESSAGE_RATE_LIMIT = { burst: 10, perSecond: 5 };

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

/** In a crowd, everyone gets at most one presence update (the exact count) per this many milliseconds. */
export const PRESENCE_BATCH_INTERVAL_MS = 2000;
