import { expect, test } from "../../support/app-fixture";
import { IntegrationsPanel, postAsBot } from "../../support/integrations";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";

const NEEDS_RECEIVER = "needs the fake receivers this run starts beside the server (not available with --url)";

test.describe("integrations", () => {
  test("a creator connects a room to Slack and Discord, and its messages arrive there without pinging anyone", async ({
    openChat,
    app,
  }) => {
    test.skip(!app.receiver, NEEDS_RECEIVER);
    const receiver = app.receiver!;
    const alice = await openChat("Alice");
    const tag = runTag().toUpperCase(); // Slack's team and channel ids are upper case
    await new RoomsPanel(alice.page).create(`Ops ${tag}`, "public");
    const settings = new IntegrationsPanel(alice.page);
    await settings.open();
    await settings.connect("slack", `${receiver.origin}/slack/services/T${tag}/B1/slackSecret${tag}`);
    await settings.connect("discord", `${receiver.origin}/discord/api/webhooks/42/discordSecret${tag}`);
    // The secret part of a provider's URL is never shown again.
    await expect(settings.panel).not.toContainText(`Secret${tag}`);
    await settings.close();

    await alice.sendMarkdownAndConfirm(`${tag} **deployed** @everyone <!channel>`);
    await expect.poll(() => receiver.receivedUnder(`/slack/services/T${tag}/`).length).toBe(1);
    await expect.poll(() => receiver.receivedUnder(`/discord/api/webhooks/42/discordSecret${tag}`).length).toBe(1);
    const [slack] = receiver.receivedUnder(`/slack/services/T${tag}/`);
    expect(JSON.parse(slack.body)).toEqual({
      text: `*${alice.person.name}*: ${tag} *deployed* @everyone &lt;!channel&gt;`,
    });
    const [discord] = receiver.receivedUnder(`/discord/api/webhooks/42/discordSecret${tag}`);
    expect(JSON.parse(discord.body)).toEqual({
      content: `**${alice.person.name}**: ${tag} **deployed** @everyone <!channel>`,
      allowed_mentions: { parse: [] },
    });
  });

  test("an endpoint that answers 410 Gone is disabled, and the settings say so", async ({ openChat, app }) => {
    test.skip(!app.receiver, NEEDS_RECEIVER);
    const receiver = app.receiver!;
    const alice = await openChat("Alice");
    const tag = runTag();
    await new RoomsPanel(alice.page).create(`Gone ${tag}`, "public");
    receiver.answerWith(({ path }) => ({ status: path.includes(tag) ? 410 : 200 }));
    try {
      const settings = new IntegrationsPanel(alice.page);
      await settings.open();
      await settings.connect("webhook", `${receiver.origin}/hooks/${tag}`);
      await settings.close();
      await alice.sendAndConfirm(`${tag} anyone there?`);
      await expect.poll(() => receiver.receivedUnder(`/hooks/${tag}`).length).toBe(1);
      await settings.open();
      await expect(settings.items.first().locator('[data-part="status"]')).toContainText("Disabled: HTTP 410 Gone");
      await expect(settings.items.first().locator('[data-part="status"]')).toContainText("1 message dropped");
      const [delivery] = receiver.receivedUnder(`/hooks/${tag}`);
      expect(delivery.headers["webhook-signature"]).toMatch(/^v1,/);
    } finally {
      receiver.answerWith(() => ({ status: 200 }));
    }
  });

  test("a bot's signed post appears in the room for its members, marked as a bot, and never for others", async ({
    openChat,
  }) => {
    test.slow(); // three people and a private room before the bot posts: the longest set-up of the suite
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const mallory = await openChat("Mallory");
    const tag = runTag();
    const rooms = new RoomsPanel(alice.page);
    const roomName = `Builds ${tag}`;
    await rooms.create(roomName, "private");
    await rooms.invite(bob.person.email);
    await new RoomsPanel(bob.page).open(roomName);
    // Only the creator manages a room's integrations.
    await expect(new IntegrationsPanel(bob.page).toggle).toHaveCount(0);

    const settings = new IntegrationsPanel(alice.page);
    await settings.open();
    const hook = await settings.createIncoming();
    await settings.close();
    expect(hook.url).toMatch(/\/api\/hooks\/[\w-]+$/);
    const response = await postAsBot(hook.url, hook.secret, { text: `${tag} build **passed**`, username: "CI" });
    expect(response.status).toBe(200);

    for (const member of [alice, bob]) {
      const posted = member.messages().filter({ hasText: `${tag} build` });
      await expect(posted).toHaveCount(1);
      await expect(posted.locator('[data-part="author"]')).toHaveText("CI bot");
      await expect(posted.locator('[data-part="bot"]')).toBeVisible();
      // Rendered as people's messages are (step 04's renderer): the markdown is bold.
      await expect(posted.locator("strong")).toHaveText("passed");
    }
    // A forged post changes nothing.
    expect(
      (await postAsBot(hook.url, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", { text: `${tag} forged` }))
        .status,
    ).toBe(401);
    await alice.sendAndConfirm(`${tag} after the bot`);
    await expect.poll(() => bob.textsTagged(tag)).toEqual([`${tag} build passed`, `${tag} after the bot`]);
    await expect.poll(() => mallory.textsTagged(tag)).toEqual([]);
  });
});
