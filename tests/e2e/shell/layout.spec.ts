import { expect, test } from "../../support/app-fixture";
import { register } from "../../support/auth";
import { newPerson } from "../../support/people";

test.describe("shell: the chat page", () => {
  test("has a labelled message log, message input, send button and connection badge", async ({ page, app }) => {
    // Where the stage has accounts, the chat page is for signed-in people only.
    if (app.features.has("auth")) await register(page, newPerson("Visitor"));
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
