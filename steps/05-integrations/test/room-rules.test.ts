import { describe, expect, it } from "vitest";
import { MAX_ROOM_NAME_LENGTH, roomNameError } from "../lib/room-rules";
import { createRoomRequest, directRequest, inviteRequest, roomRequest } from "../server/rooms/room-requests";

describe("roomNameError", () => {
  it.each(["general chat", "Café club", "Über-Fans", "日本語の部屋", "Q&A (2026)", "x".repeat(MAX_ROOM_NAME_LENGTH)])(
    "accepts %j",
    (name) => expect(roomNameError(name)).toBeUndefined(),
  );

  it.each([
    ["", /Enter a name/],
    ["   ", /Enter a name/],
    ["x".repeat(MAX_ROOM_NAME_LENGTH + 1), /at most 40/],
    ["<script>", /letters, digits/],
    ["-leading dash", /starting with a letter or digit/],
    ["tab\there", /letters, digits/],
    ["zero\u200bwidth", /letters, digits/],
    ["two  spaces", /several spaces/],
    ["emoji 🎉", /letters, digits/],
  ])("refuses %j", (name, message) => {
    expect(roomNameError(name)).toMatch(message);
  });
});

describe("room request schemas", () => {
  it("trims a room name and keeps only the fields the event defines", () => {
    expect(createRoomRequest.parse({ name: "  Book club ", kind: "private" })).toEqual({
      name: "Book club",
      kind: "private",
    });
    expect(createRoomRequest.safeParse({ name: "Book club", kind: "private", owner: "me" }).success).toBe(false);
    expect(createRoomRequest.safeParse({ name: "Book club", kind: "direct" }).success).toBe(false);
  });

  it.each([
    [roomRequest, { roomId: "../etc/passwd" }],
    [roomRequest, { roomId: "" }],
    [roomRequest, { roomId: "x".repeat(65) }],
    [roomRequest, { roomId: 7 }],
    [inviteRequest, { roomId: "general", who: "   " }],
    [inviteRequest, { roomId: "general", who: "x".repeat(255) }],
    [directRequest, { userId: { $ne: null } }],
  ])("refuses a malformed payload %#", (schema, payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});
