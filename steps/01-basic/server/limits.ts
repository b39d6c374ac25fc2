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
 * Above this many people online, arrivals and departures are not announced to everyone: in a crowd each one
 * would cost a frame per connection and fill the message list with notices.
 */
export const PRESENCE_ANNOUNCE_MAX_ONLINE = 200;
