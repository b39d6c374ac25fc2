import { describe, expect, it } from "vitest";
import { describeDisconnect } from "../hooks/close-reason";
import { TOO_FAR_BEHIND_CLOSE_CODE } from "../lib/protocol";

describe("describeDisconnect", () => {
  it("says what the server said before it closed the connection", () => {
    const notice = { reason: "too_many_refusals", message: "Closed: too much was refused." } as const;
    expect(describeDisconnect(notice, undefined)).toBe(notice.message);
  });

  it("explains a connection dropped for falling behind, from the WebSocket close code", () => {
    const details = { description: "websocket connection closed", context: { code: TOO_FAR_BEHIND_CLOSE_CODE } };
    expect(describeDisconnect(null, details)).toMatch(/fell too far behind/);
  });

  it.each([
    undefined,
    new Error("xhr poll error"),
    { description: "websocket connection closed", context: { code: 1006 } },
  ])("gives no reason for an ordinary lost connection: %s", (details) =>
    expect(describeDisconnect(null, details)).toBeNull(),
  );
});
