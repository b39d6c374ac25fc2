import type * as z from "zod";
import type { ChatErrorCode, ClientToServerEvents } from "../../lib/protocol";
import { replyTo, splitAck } from "../acknowledge";
import { ROOM_REQUEST_RATE_LIMIT } from "../limits";
import { createRateLimiter } from "../rate-limiter";
import type { ChatServerSocket } from "../types";
import { describeInvalid } from "./room-requests";

type RoomEvent = Exclude<keyof ClientToServerEvents, "chat message">;
/** What an event's ack callback receives, e.g. RoomResult for "join room". */
type ResultOf<E extends RoomEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

export function failure(code: ChatErrorCode, message: string) {
  return { ok: false as const, error: { code, message } };
}

/**
 * Returns `handle(event, schema, action)`, which registers one room event on `socket`: rate-limited, its payload
 * checked by the zod `schema`, and `action`'s result (or a clear error) sent as the ack. Nothing a client sends
 * reaches `action` unchecked, and no failure escapes it.
 */
export function roomRequestHandler(socket: ChatServerSocket) {
  const rateLimiter = createRateLimiter(ROOM_REQUEST_RATE_LIMIT);
  // One connection's room requests run one at a time, in the order they came: "join A" then "join B" ends in B
  // even when A's look-up would finish last.
  let queue: Promise<void> = Promise.resolve();

  return function handle<E extends RoomEvent, Schema extends z.ZodType>(
    event: E,
    schema: Schema,
    action: (request: z.output<Schema>) => Promise<ResultOf<E>>,
  ) {
    const listener = (...args: unknown[]) => {
      const { payloads, ack } = splitAck(args);
      const reply = replyTo<ResultOf<E>>(socket, event, ack);
      if (!rateLimiter.tryTake()) return reply(failure("rate_limited", "Slow down: too many room requests."));
      const parsed = payloads.length === 1 ? schema.safeParse(payloads[0]) : undefined;
      if (!parsed?.success) {
        const problem = parsed
          ? describeInvalid(parsed.error)
          : `"${event}" takes one payload object and an ack callback.`;
        return reply(failure("invalid_payload", problem));
      }
      queue = queue
        .then(() => action(parsed.data))
        .then(reply, (error: unknown) => {
          console.error(`[chat] "${event}" failed`, error);
          reply(failure("server_error", "The server could not handle that request."));
        });
    };
    // Socket.IO's typed `on` wants each event's exact listener type; this one checks its arguments itself.
    socket.on(event, listener as never);
  };
}
