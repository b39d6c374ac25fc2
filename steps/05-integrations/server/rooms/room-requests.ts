import * as z from "zod";
import type {
  BrowseRoomsRequest,
  CreateRoomRequest,
  DirectRequest,
  InviteRequest,
  RoomRequest,
} from "../../lib/protocol";
import { MAX_ROOM_NAME_LENGTH, roomNameError } from "../../lib/room-rules";

// The payload of every room event, as zod schemas: anything else a client sends is refused before a handler
// sees it. Strict objects: an unexpected field is an error, not something silently ignored.

/** Room ids are URL-safe: "general", or the 12 characters memory-room-store.ts generates (a database's may differ). */
export const roomId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a room id.");

/** better-auth's user ids are 32 URL-safe characters. */
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a user id.");

const roomName = z
  .string()
  .trim()
  .check((ctx) => {
    const error = roomNameError(ctx.value);
    if (error) ctx.issues.push({ code: "custom", message: error, input: ctx.value });
  });

export const listRoomsRequest = z.strictObject({});

export const browseRoomsRequest = z.strictObject({
  /** No name is longer, so a longer search could match nothing. */
  search: z
    .string()
    .trim()
    .max(MAX_ROOM_NAME_LENGTH, `Search for at most ${MAX_ROOM_NAME_LENGTH} characters.`)
    .optional(),
  /** The store's cursors are room ids (a database's may differ, within the same characters). */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a cursor this server gave.")
    .optional(),
}) satisfies z.ZodType<BrowseRoomsRequest>;

export const roomRequest = z.strictObject({ roomId }) satisfies z.ZodType<RoomRequest>;

export const createRoomRequest = z.strictObject({
  name: roomName,
  kind: z.enum(["public", "private"]),
}) satisfies z.ZodType<CreateRoomRequest>;

export const inviteRequest = z.strictObject({
  roomId,
  /** An email address (at most 254 characters) or a name (at most 50). */
  who: z
    .string()
    .trim()
    .min(1, "Enter an email address or a name.")
    .max(254, "That is too long for an email address or a name."),
}) satisfies z.ZodType<InviteRequest>;

export const directRequest = z.strictObject({ userId }) satisfies z.ZodType<DirectRequest>;

/** The first problem zod found, as one sentence: "roomId: Not a room id." */
export function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
