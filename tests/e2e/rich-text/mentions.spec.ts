import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";

test.describe("rich text: mentions", () => {
  test("@name of a member badges the room in their list until they open it; a non-member's @name stays text", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const carol = await openChat("Carol");
    const [aliceRooms, bobRooms] = [new RoomsPanel(alice.page), new RoomsPanel(bob.page)];
    const tag = runTag();
    const roomName = `Mentions ${tag}`;
    await aliceRooms.create(roomName, "public");
    await bobRooms.open(roomName); // Bob joins, then goes back to general; Carol never joins
    await bobRooms.open("general");

    await alice.sendAndConfirm(`${tag} no mention here`);
    await bobRooms.expectUnread(roomName, 1);
    await expect(bobRooms.link(roomName)).toHaveAttribute("data-mentioned", "false");

    await alice.sendAndConfirm(`${tag} hello @${bob.person.name}, and @${carol.person.name}`);
    await expect(
      alice
        .messages()
        .filter({ hasText: `${tag} hello` })
        .locator("mark"),
    ).toHaveText([`@${bob.person.name}`]);
    await expect(bobRooms.link(roomName)).toHaveAttribute("data-mentioned", "true");
    await expect(bobRooms.link(roomName)).toHaveAccessibleName(/mentions you/);
    await bobRooms.expectUnread(roomName, 2);

    await bobRooms.open(roomName);
    await expect(bobRooms.link(roomName)).toHaveAttribute("data-mentioned", "false");
  });

  test("with the room open, a mention in any letter case is highlighted; an email address or code mentions nobody", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const tag = runTag();
    const bobName = bob.person.name.toLowerCase();

    await alice.sendAndConfirm(`${tag} see you, @${bobName}!`);
    await expect(
      bob
        .messages()
        .filter({ hasText: `${tag} see you` })
        .locator("mark"),
    ).toHaveText(`@${bobName}`);

    await alice.sendMarkdownAndConfirm(`${tag} mail x@${bobName} or \`@${bobName}\``);
    const plain = bob.messages().filter({ hasText: `${tag} mail` });
    await expect(plain.locator("code")).toHaveText(`@${bobName}`);
    await expect(plain.locator("mark")).toHaveCount(0);
  });
});
