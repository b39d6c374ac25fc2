// What makes a room name valid. The create-room form checks it before sending, and the server checks it again
// (server/rooms/room-requests.ts), since a client can send anything. Limits only the server needs are in
// server/limits.ts.

/** A room name is shown in every member's room list and in its page's title. */
export const MAX_ROOM_NAME_LENGTH = 40;

/**
 * Letters and digits of any script, spaces and a little punctuation; it starts with a letter or digit. No control
 * or invisible characters, no angle brackets: a name is displayed to others and should look like what it is.
 */
export const ROOM_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.,'&!?()-]*$/u;

/** What is wrong with a room name (after trimming), in words a person can act on; undefined when it is fine. */
export function roomNameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "Enter a name for the room.";
  if (trimmed.length > MAX_ROOM_NAME_LENGTH) return `A room name can be at most ${MAX_ROOM_NAME_LENGTH} characters.`;
  if (/\s{2,}/.test(trimmed)) return "A room name cannot have several spaces in a row.";
  if (!ROOM_NAME_PATTERN.test(trimmed)) {
    return "Use letters, digits, spaces and - _ . , ' & ! ? ( ) only, starting with a letter or digit.";
  }
}
