import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";

test.describe("chat: messages", () => {
  test("two people see each other's messages and their own, once each, in order", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const tag = runTag();
    const script = [
      [alice, `${tag} hello from alice`],
      [bob, `${tag} hi alice, bob here`],
      [alice, `${tag} nice to meet you`],
    ] as const;

    for (const [sender, text] of script) await sender.sendAndConfirm(text);

    const expected = script.map(([, text]) => text);
    for (const chat of [alice, bob]) {
      await expect.poll(() => chat.textsTagged(tag)).toEqual(expected);
    }
  });

  test("an empty or blank message sends nothing", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const before = await alice.messages().count();

    await expect(alice.sendButton).toBeDisabled();
    await alice.input.press("Enter");
    await alice.input.fill("   ");
    await expect(alice.sendButton).toBeDisabled();
    await alice.input.press("Enter");

    const tag = runTag();
    await alice.sendAndConfirm(`${tag} the only one`);
    await expect(alice.messages()).toHaveCount(before + 1);
    await expect(alice.messages().last()).toContainText(`${tag} the only one`);
  });

  test("the message box has focus on arrival; Enter sends and clears it, keeping focus", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const tag = runTag();
    await expect(alice.input).toBeFocused();
    await alice.page.keyboard.type(`${tag} typed`);
    await alice.page.keyboard.press("Enter");
    await expect(alice.input).toHaveValue("");
    await expect(alice.input).toBeFocused();
    await expect.poll(() => alice.textsTagged(tag)).toEqual([`${tag} typed`]);
  });
});
