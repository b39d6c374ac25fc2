import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";

test.describe("rooms: private rooms", () => {
  test("a private room appears to someone only once they are invited, and then they can talk", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const [aliceRooms, bobRooms] = [new RoomsPanel(alice.page), new RoomsPanel(bob.page)];
    const tag = runTag();
    const roomName = `Plans ${tag}`;

    await aliceRooms.create(roomName, "private");
    await alice.sendAndConfirm(`${tag} before the invitation`);
    await expect(bobRooms.link("general")).toBeVisible();
    await expect(bobRooms.link(roomName)).toHaveCount(0);

    await aliceRooms.invite(bob.person.email);
    await expect(alice.page.getByText(`${bob.person.name} is now a member.`)).toBeVisible();
    await expect(alice.page.getByRole("list", { name: "Members" })).toContainText(bob.person.name);

    // Bob's list learns of it without a reload; the room's earlier messages were never his to see.
    await bobRooms.open(roomName);
    await expect.poll(() => bob.textsTagged(tag)).toEqual([]);
    await alice.sendAndConfirm(`${tag} welcome, Bob`);
    await bob.sendAndConfirm(`${tag} thanks`);
    await expect.poll(() => bob.textsTagged(tag)).toEqual([`${tag} welcome, Bob`, `${tag} thanks`]);
    await expect
      .poll(() => alice.textsTagged(tag))
      .toEqual([`${tag} before the invitation`, `${tag} welcome, Bob`, `${tag} thanks`]);
  });

  test("someone who is not a member gets 'not found' at the room's URL, and nothing that names it", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice");
    const mallory = await openChat("Mallory");
    const roomName = `Secret ${runTag()}`;
    const url = await new RoomsPanel(alice.page).create(roomName, "private");

    const response = await mallory.page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(mallory.page.getByRole("heading", { name: "Room not found" })).toBeVisible();
    await expect(mallory.page.getByRole("log", { name: "Messages" })).toHaveCount(0);
    await expect(mallory.page.getByText(roomName)).toHaveCount(0);
    expect(await mallory.page.title()).not.toContain(roomName);

    // The way back still works.
    await mallory.page.getByRole("link", { name: "Go to general" }).click();
    await expect(mallory.page).toHaveURL(/\/rooms\/general$/);
    await mallory.expectConnected();
  });

  test("someone waiting at a private room's URL sees the room as soon as they are invited", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const roomName = `Surprise ${runTag()}`;
    const url = await new RoomsPanel(alice.page).create(roomName, "private");
    await bob.page.goto(url);
    await expect(bob.page.getByRole("heading", { name: "Room not found" })).toBeVisible();

    await new RoomsPanel(alice.page).invite(bob.person.email);
    await expect(bob.page.getByRole("heading", { name: "Room not found" })).toHaveCount(0);
    await expect(bob.page.getByRole("heading", { level: 2, name: roomName })).toBeVisible();
    await bob.expectConnected();
    await bob.sendAndConfirm(`hello from the invited`);
  });

  test("inviting someone who has no account says so", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const rooms = new RoomsPanel(alice.page);
    await rooms.create(`Club ${runTag()}`, "private");
    await rooms.invite(`nobody-${runTag()}@example.test`);
    await expect(rooms.inviteField).toHaveAccessibleDescription(/has an account/);
    await expect(rooms.inviteField).toHaveAttribute("aria-invalid", "true");
  });
});
