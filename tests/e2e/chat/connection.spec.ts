import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";

test.describe("chat: connection", () => {
  test("uses a WebSocket transport", async ({ openChat }) => {
    const alice = await openChat("Alice");
    await expect(alice.badge).toHaveAttribute("data-transport", "websocket");
  });

  test("shows reconnecting while the server is down, then connects again by itself", async ({ app, openChat }) => {
    test.skip(!app.canRestart, "needs a server this run can stop and start (not available with --url)");
    const alice = await openChat("Alice");

    await app.stop();
    try {
      await expect(alice.badge).toHaveAttribute("data-status", "reconnecting");
      await expect(alice.input).toBeDisabled();
    } finally {
      await app.start();
    }
    await alice.expectConnected();
    await expect(alice.input).toBeEnabled();
    await expect(alice.input).toBeFocused();
    const tag = runTag();
    await alice.sendAndConfirm(`${tag} back again`);
  });

  test("announces arrivals and departures and keeps the online count", async ({ openChat }) => {
    const alice = await openChat("Alice");
    await expect(alice.onlineCount).toHaveAttribute("data-online", /\d+/);
    await alice.settlePresence();
    const noticesBefore = await alice.notices().count();
    const onlineBefore = Number(await alice.onlineCount.getAttribute("data-online"));

    const bob = await openChat("Bob");
    await expect(alice.notices().nth(noticesBefore)).toContainText(/joined/);
    await expect(alice.onlineCount).toHaveAttribute("data-online", String(onlineBefore + 1));

    await bob.page.context().close();
    await expect(alice.notices().nth(noticesBefore + 1)).toContainText(/left/);
    await expect(alice.onlineCount).toHaveAttribute("data-online", String(onlineBefore));
  });
});
