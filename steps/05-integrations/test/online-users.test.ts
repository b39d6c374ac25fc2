import { describe, expect, it } from "vitest";
import { createOnlineUsers } from "../server/online-users";

const alice = { id: "a", name: "Alice" };
const bob = { id: "b", name: "Bob" };

describe("createOnlineUsers", () => {
  it("counts a person once however many connections they have, until their last one closes", () => {
    const online = createOnlineUsers();
    expect(online.add(alice)).toBe(true);
    expect(online.add(alice)).toBe(false);
    expect(online.add(bob)).toBe(true);
    expect(online.size).toBe(2);

    expect(online.remove("a")).toBe(false);
    expect(online.list(10)).toEqual([alice, bob]);
    expect(online.remove("a")).toBe(true);
    expect(online.list(10)).toEqual([bob]);
    expect(online.remove("a")).toBe(false);
    expect(online.size).toBe(1);
  });

  it("lists at most the number asked for, in the order people came", () => {
    const online = createOnlineUsers();
    for (const user of [alice, bob, { id: "c", name: "Carol" }]) online.add(user);
    expect(online.list(2)).toEqual([alice, bob]);
  });
});
