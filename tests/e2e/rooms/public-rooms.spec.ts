import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";

test.describe("rooms: public rooms", () => {
  test("a newcomer lands in general, marked as the open room", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const rooms = new RoomsPanel(alice.page);
    await expect(alice.page).toHaveURL(/\/rooms\/general$/);
    await expect(rooms.current).toHaveText(/general/);
    await expect(rooms.heading("general")).toBeVisible();
  });

  test("a room is created, a second person joins it, and messages stay in their room", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const carol = await openChat("Carol");
    const [aliceRooms, bobRooms] = [new RoomsPanel(alice.page), new RoomsPanel(bob.page)];
    const tag = runTag();
    const roomName = `Book club ${tag}`;

    const url = await aliceRooms.create(roomName, "public");
    // Bob's list learns of the new room without a reload; opening it joins it.
    await bobRooms.open(roomName);
    await expect(bob.page).toHaveURL(url);

    await alice.sendAndConfirm(`${tag} in the club`);
    await expect.poll(() => bob.textsTagged(tag)).toEqual([`${tag} in the club`]);
    await carol.sendAndConfirm(`${tag} in general`);

    // Back in general, Bob sees general's message, not the club's; the club counts what he has not read.
    await bobRooms.open("general");
    await alice.sendAndConfirm(`${tag} while Bob is away`);
    await bobRooms.expectUnread(roomName, 1);
    await expect.poll(() => bob.textsTagged(tag)).toEqual([]);
    await expect.poll(() => alice.textsTagged(tag)).toEqual([`${tag} in the club`, `${tag} while Bob is away`]);
    await expect.poll(() => carol.textsTagged(tag)).toEqual([`${tag} in general`]);

    // Opening the club clears its count.
    await bobRooms.open(roomName);
    await bobRooms.expectUnread(roomName, 0);
    await bob.sendAndConfirm(`${tag} back in the club`);
    await expect.poll(() => alice.textsTagged(tag)).toContain(`${tag} back in the club`);
    expect(await carol.textsTagged(tag)).toEqual([`${tag} in general`]);
  });

  test("leaving a room closes it in every tab and keeps it in the list to join again", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const rooms = new RoomsPanel(alice.page);
    const roomName = `Lounge ${runTag()}`;
    const url = await rooms.create(roomName, "public");
    const secondTab = await alice.page.context().newPage();
    await secondTab.goto(url);
    await expect(new RoomsPanel(secondTab).current).toContainText(roomName);

    await alice.page.getByRole("button", { name: "Leave room", exact: true }).click();
    await expect(alice.page).toHaveURL(/\/rooms\/general$/);
    await expect(secondTab).toHaveURL(/\/rooms\/general$/);
    await expect(rooms.link(roomName)).toBeVisible();
    await expect(alice.page.getByRole("button", { name: "Leave room", exact: true })).toHaveCount(0); // not in general
  });

  test("the create form says what is wrong with a name, next to the field", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const rooms = new RoomsPanel(alice.page);
    const name = alice.page.getByLabel("Room name", { exact: true });

    await name.fill("<b>bold</b>");
    await name.press("Enter");
    await expect(name).toHaveAccessibleDescription(/letters, digits/);
    await expect(name).toBeFocused();

    // The server's refusal lands there too: a public room of that name exists.
    await name.fill("GENERAL");
    await alice.page.getByRole("button", { name: "Create room", exact: true }).click();
    await expect(name).toHaveAccessibleDescription(/already a public room/);
    await expect(rooms.current).toHaveText(/general/);
  });
  test("public rooms to join are browsed with a search; a joined room moves to your rooms", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const [aliceRooms, bobRooms] = [new RoomsPanel(alice.page), new RoomsPanel(bob.page)];
    const tag = runTag();
    const roomName = `Origami ${tag}`;
    await aliceRooms.create(roomName, "public");

    const browse = bob.page.getByRole("region", { name: "Browse public rooms" });
    const search = bob.page.getByRole("searchbox", { name: "Search public rooms" });
    await search.fill(`no such room ${tag}`);
    await expect(browse.getByText("No public room to join has that in its name.")).toBeVisible();
    // Part of the name, in another letter case, finds it, whatever else the server holds.
    await search.fill(tag.toUpperCase());
    await expect(browse.getByRole("link")).toHaveText([new RegExp(roomName)]);

    await bobRooms.open(roomName);
    const yours = bob.page.getByRole("region", { name: "Your rooms" });
    await expect(yours.getByRole("link", { name: roomName })).toBeVisible();
    await expect(browse.getByRole("link", { name: roomName })).toHaveCount(0);
  });
});
