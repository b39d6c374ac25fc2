import type { Locator } from "@playwright/test";
import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { armTripwires, NOTHING_SPRUNG, watch } from "../../support/tripwires";

/** The limits of a message's markdown source (MAX_MESSAGE_LENGTH and MAX_MESSAGE_BYTES in docs/protocol.md). */
const MAX_CHARACTERS = 2000;
const MAX_BYTES = 4000;

/** Selects the last `count` characters typed, by keyboard. */
async function selectBack(input: Locator, count: number) {
  for (let i = 0; i < count; i++) await input.press("Shift+ArrowLeft");
}

test.describe("rich text: the composer", () => {
  test("shortcuts and the toolbar wrap the selection, Shift+Enter adds a line, the preview shows what Enter sends", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice", armTripwires);
    const bob = await openChat("Bob");
    const sprung = watch(alice.page);
    const tag = runTag();
    const { input, page } = alice;

    await input.pressSequentially(`${tag} bold`);
    await selectBack(input, 4);
    await input.press("ControlOrMeta+b");
    await input.press("End");
    await input.pressSequentially(" code");
    await selectBack(input, 4);
    await input.press("ControlOrMeta+e");
    await input.press("End");
    await input.pressSequentially(" slanted");
    await selectBack(input, 7);
    await page.getByRole("button", { name: "Italic", exact: true }).click();
    await expect(input).toBeFocused();
    await input.press("End");
    await input.press("Shift+Enter");
    await input.pressSequentially("the docs");
    await selectBack(input, 4);
    await input.press("ControlOrMeta+k"); // [docs](https://) with the address selected, to be typed over
    await input.pressSequentially("https://example.com/guide");
    await expect(input).toHaveValue(`${tag} **bold** \`code\` _slanted_\nthe [docs](https://example.com/guide)`);

    const previewButton = page.getByRole("button", { name: "Preview", exact: true });
    await previewButton.click();
    await expect(previewButton).toHaveAttribute("aria-pressed", "true");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.locator("strong")).toHaveText("bold");
    await expect(preview.locator("code")).toHaveText("code");
    await expect(preview.locator("em")).toHaveText("slanted");
    await expect(preview.getByRole("link", { name: "docs" })).toHaveAttribute("href", "https://example.com/guide");

    await input.focus();
    await input.press("Enter");
    await expect(input).toHaveValue("");
    const received = bob.messages().filter({ hasText: tag });
    await expect(received.locator("strong")).toHaveText("bold");
    await expect(received.locator("em")).toHaveText("slanted");
    await expect(received.locator("br")).toHaveCount(1);
    const link = received.getByRole("link", { name: "docs" });
    await expect(link).toHaveAttribute("href", "https://example.com/guide");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
    await expect(link).toContainText("example.com"); // the text hides the host: it is shown beside it
    expect(await sprung()).toEqual(NOTHING_SPRUNG);
  });

  test("works by keyboard alone: the toolbar's buttons are reached with Tab and format the selection", async ({
    openChat,
  }) => {
    const alice = await openChat("Alice");
    const { input, page } = alice;
    await input.pressSequentially("loud");
    await selectBack(input, 4);
    const bold = page.getByRole("button", { name: "Bold", exact: true });
    await expect(bold).toHaveAttribute("aria-keyshortcuts", /Control\+B/);
    for (let step = 0; step < 10 && !(await bold.evaluate((button) => button === document.activeElement)); step++)
      await page.keyboard.press("Shift+Tab");
    await expect(bold).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(input).toBeFocused();
    await expect(input).toHaveValue("**loud**");
    // The same shortcut again takes the marks off.
    await input.press("ControlOrMeta+b");
    await expect(input).toHaveValue("loud");
  });

  test("shows the budget near the limit and will not send an over-long message", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const { input, sendButton } = alice;
    await expect(input).toHaveAccessibleDescription("");

    await input.fill("x".repeat(MAX_CHARACTERS - 5));
    await expect(input).toHaveAccessibleDescription("5 characters left");
    await expect(sendButton).toBeEnabled();
    await input.fill("x".repeat(MAX_CHARACTERS + 3));
    await expect(input).toHaveAccessibleDescription("3 characters over the limit");
    await expect(sendButton).toBeDisabled();
    await input.press("Enter");
    await expect(input).toHaveValue("x".repeat(MAX_CHARACTERS + 3));
    // Three bytes each: the byte limit comes first.
    const euros = Math.floor(MAX_BYTES / 3) + 10;
    await input.fill("€".repeat(euros));
    await expect(input).toHaveAccessibleDescription(`${euros * 3 - MAX_BYTES} bytes over the limit`);
    await expect(sendButton).toBeDisabled();
  });
});
