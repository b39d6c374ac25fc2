import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { armTripwires, watch } from "../../support/tripwires";

test.describe("rich text: Content-Security-Policy", () => {
  test("pages allow only their own nonce's scripts: script that reaches the page anyway is blocked and reported, and the chat keeps working", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice", armTripwires);
    const sprung = watch(alice.page);
    const policy = (await alice.page.request.get(alice.page.url())).headers()["content-security-policy"] ?? "";
    const scriptSources = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scriptSources).toMatch(/'nonce-[^']+'/);
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(policy).toMatch(/object-src 'none'/);

    // As if the renderer had a bug: markup with an event handler and a javascript: link lands in the page.
    await alice.page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML =
        '<img alt="" src="/csp-probe-missing.png" onerror="top.__xss = \'event handler\'">' +
        '<a id="csp-probe" href="javascript:top.__xss = \'javascript URL\'">probe</a>';
      document.body.append(holder);
    });
    await alice.page.locator("#csp-probe").click();
    await expect
      .poll(async () => (await sprung()).violations.map((violation) => violation.directive).sort())
      .toEqual(["script-src-attr", "script-src-elem"]);
    expect((await sprung()).flag).toBeUndefined();

    await alice.sendAndConfirm(`${runTag()} still chatting under the policy`);
    expect((await sprung()).violations).toHaveLength(2);
  });
});
