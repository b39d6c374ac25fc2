import { describe, expect, it } from "vitest";
import { createNameIndex } from "../server/rooms/name-index";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** An index of "room 0" … "room 1999" (name keys are lower case), each at its own position. */
function indexOfRooms(count: number) {
  const index = createNameIndex();
  for (let position = 0; position < count; position++) index.add(`room ${position}`, position);
  return index;
}

describe("createNameIndex", () => {
  it("has no candidates for a search with a piece no name has: nothing to read, however many rooms", () => {
    const index = indexOfRooms(2_000);
    expect(index.candidates("nothing like it")).toEqual([]);
    expect(index.candidates("z")).toEqual([]);
    expect(index.candidates("room 1x")).toEqual([]);
  });

  it("gives the rooms under the search's rarest piece, oldest first: every match, and few others", () => {
    const index = indexOfRooms(2_000);
    // "234" is the rarest piece of "room 1234": only "room 234" and "room 1234" have it.
    expect(index.candidates("room 1234")).toEqual([234, 1234]);
    // " 19" is rarer than "m 1" (room 1, 10–19, 100–199, 1000–1999).
    expect(index.candidates("m 19")).toEqual([19, ...range(190, 200), ...range(1900, 2000)]);
  });

  it("finds one- and two-character searches exactly", () => {
    const index = createNameIndex();
    ["book club", "chess", "cooking"].forEach((key, position) => index.add(key, position));
    expect(index.candidates("k")).toEqual([0, 2]);
    expect(index.candidates("oo")).toEqual([0, 2]);
    expect(index.candidates("ss")).toEqual([1]);
    expect(index.candidates("q")).toEqual([]);
  });

  it("compares pieces as String.includes does, outside ASCII too", () => {
    const index = createNameIndex();
    ["café crème", "日本語の部屋", "🎲 games"].forEach((key, position) => index.add(key, position));
    expect(index.candidates("crè")).toEqual([0]);
    expect(index.candidates("本語")).toEqual([1]);
    expect(index.candidates("🎲")).toEqual([2]);
    expect(index.candidates("é c")).toEqual([0]);
  });
});
