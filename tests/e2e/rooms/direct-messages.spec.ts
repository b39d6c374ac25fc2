import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";

test.describe("rooms: direct messages", () => {
  test("two people talk in a direct message, which is found again rather than duplicated", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const carol = await openChat("Carol");
    const [aliceRooms, bobRooms] = [new RoomsPanel(alice.page), new RoomsPanel(bob.page)];
    const tag = runTag();

    await aliceRooms.directMessageButton(bob.person.name).click();
    await expect(aliceRooms.heading(bob.person.name)).toBeVisible();
    const url = alice.page.url();
    await alice.sendAndConfirm(`${tag} psst, Bob`);

    // Bob, still in general, sees the conversation appear under Alice's name, with one unread message.
    await bobRooms.expectUnread(alice.person.name, 1);
    await bobRooms.open(alice.person.name);
    await expect(bob.page).toHaveURL(url);
    await bobRooms.expectUnread(alice.person.name, 0);
    await bob.sendAndConfirm(`${tag} hi Alice`);
    await expect.poll(() => alice.textsTagged(tag)).toEqual([`${tag} psst, Bob`, `${tag} hi Alice`]);
    expect(await carol.textsTagged(tag)).toEqual([]);

    // From general, the same button brings Alice back to the same conversation; her list shows it once.
    await aliceRooms.open("general");
    await aliceRooms.directMessageButton(bob.person.name).click();
    await expect(alice.page).toHaveURL(url);
    await expect(aliceRooms.link(bob.person.name)).toHaveCount(1);
    // Bob starting one with Alice finds the same room too.
    await bobRooms.open("general");
    await bobRooms.directMessageButton(alice.person.name).click();
    await expect(bob.page).toHaveURL(url);
  });
});
