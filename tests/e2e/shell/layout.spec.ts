import { expect, test } from "../../support/app-fixture";

test.describe("shell: the chat page", () => {
  test("has a labelled message log, message input, send button and connection badge", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("log", { name: "Messages" })).toBeVisible();
    await expect(page.getByLabel("Message", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
    await expect(page.getByRole("status", { name: /^Connection:/ })).toHaveAttribute(
      "data-status",
      /^(connecting|connected|reconnecting|offline)$/,
    );
  });
});
