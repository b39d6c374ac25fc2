import { expect, test } from "../../support/app-fixture";
import { logIn, logOutButton, onlineUsers } from "../../support/auth";
import { ChatPage } from "../../support/chat-page";
import { runTag } from "../../support/people";

test.describe("auth: people in the chat", () => {
  test("two people see each other's names on their messages", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const tag = runTag();
    await alice.sendAndConfirm(`${tag} from alice`);
    await bob.sendAndConfirm(`${tag} from bob`);

    for (const chat of [alice, bob]) {
      const author = (text: string) => chat.messages().filter({ hasText: text }).locator('[data-part="author"]');
      await expect(author(`${tag} from alice`)).toHaveText(alice.person.name);
      await expect(author(`${tag} from bob`)).toHaveText(bob.person.name);
    }
  });

  test("each person's own messages stand apart from the others', on the right", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const tag = runTag();
    await alice.sendAndConfirm(`${tag} mine`);
    const inAlicesPage = alice.messages().filter({ hasText: `${tag} mine` });
    const inBobsPage = bob.messages().filter({ hasText: `${tag} mine` });
    await expect(inAlicesPage).toHaveAttribute("data-mine", "true");
    await expect(inBobsPage).toHaveAttribute("data-mine", "false");
    // Alice's own line ends near the right edge of her list; in Bob's page it starts at the left.
    const list = (chat: ChatPage) => chat.page.getByRole("log", { name: "Messages" }).boundingBox();
    const [aliceList, aliceLine, bobList, bobLine] = await Promise.all([
      list(alice),
      inAlicesPage.boundingBox(),
      list(bob),
      inBobsPage.boundingBox(),
    ]);
    expect(aliceList!.x + aliceList!.width - (aliceLine!.x + aliceLine!.width)).toBeLessThan(40);
    expect(bobLine!.x - bobList!.x).toBeLessThan(40);
  });

  test("the online list shows each person once, and updates when one closes their tab", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const bobInAlicesList = onlineUsers(alice.page).getByRole("listitem").filter({ hasText: bob.person.name });
    await expect(bobInAlicesList).toHaveCount(1);

    // A second tab is the same person: still listed once, and no second arrival notice.
    const bobSecondTab = new ChatPage(await bob.page.context().newPage(), bob.person);
    await bobSecondTab.page.goto("/");
    await bobSecondTab.expectConnected();
    await expect(onlineUsers(bobSecondTab.page)).toContainText(alice.person.name);
    await expect(bobInAlicesList).toHaveCount(1);
    await expect(alice.notices().filter({ hasText: `${bob.person.name} joined` })).toHaveCount(1);

    await bob.page.close();
    await bobSecondTab.page.close();
    await expect(bobInAlicesList).toHaveCount(0);
    await expect(alice.notices().filter({ hasText: `${bob.person.name} left` })).toHaveCount(1);
  });

  test("logging out ends the chat connection in every tab of that session", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const carol = await openChat("Carol");
    const aliceSecondTab = new ChatPage(await alice.page.context().newPage(), alice.person);
    await aliceSecondTab.page.goto("/");
    await aliceSecondTab.expectConnected();

    await logOutButton(alice.page).click();

    await expect(alice.page).toHaveURL(/\/login$/);
    await expect(aliceSecondTab.page).toHaveURL(/\/login$/); // the server closed its socket too
    await expect(carol.notices().filter({ hasText: `${alice.person.name} left` })).toHaveCount(1);
    await expect(onlineUsers(carol.page).getByRole("listitem").filter({ hasText: alice.person.name })).toHaveCount(0);
    await aliceSecondTab.page.goto("/");
    await expect(aliceSecondTab.page).toHaveURL(/\/login$/);

    await logIn(alice.page, alice.person);
    await alice.expectConnected();
  });

  test("a page whose session is gone is sent to log in when it reconnects", async ({ app, openChat }) => {
    test.skip(!app.canRestart, "needs a server this run can stop and start (not available with --url)");
    const alice = await openChat("Alice");
    await alice.page.context().clearCookies();

    await app.stop();
    await app.start();

    await expect(alice.page).toHaveURL(/\/login$/);
  });
});
