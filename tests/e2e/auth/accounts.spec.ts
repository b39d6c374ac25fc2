import { expect, test } from "../../support/app-fixture";
import { AuthForm, logIn, onlineUsers, register } from "../../support/auth";
import { ChatPage } from "../../support/chat-page";
import { newPerson, runTag } from "../../support/people";

test.describe("auth: accounts", () => {
  test("a new person registers and lands in the chat under their name", async ({ page }) => {
    const ada = newPerson("Ada");
    await register(page, ada);

    const chat = new ChatPage(page, ada);
    await chat.expectConnected();
    await expect(onlineUsers(page)).toContainText(ada.name);
    const tag = runTag();
    await chat.sendAndConfirm(`${tag} my first message`);
    await expect(chat.messages().filter({ hasText: tag }).locator('[data-part="author"]')).toHaveText(ada.name);
  });

  test("an anonymous visitor is sent to the log-in page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
    await expect(new AuthForm(page).email).toBeFocused();
    await expect(page.getByRole("log", { name: "Messages" })).toHaveCount(0);
  });

  test("a wrong password shows an error; the right one opens the chat", async ({ page, openChat }) => {
    const { person: grace } = await openChat("Grace"); // registered in a browser of her own
    await page.goto("/login");
    const form = new AuthForm(page);
    await form.email.fill(grace.email);
    await form.password.fill(`${grace.password}-wrong`);
    await form.logInButton.click();

    await expect(form.formError).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login$/);

    await logIn(page, grace);
    await new ChatPage(page, grace).expectConnected();
  });

  test("registration says what is wrong with each field, next to it", async ({ page, openChat }) => {
    await page.goto("/register");
    const form = new AuthForm(page);
    await form.registerButton.click();
    await expect(form.name).toHaveAccessibleDescription("Enter your name.");
    await expect(form.name).toBeFocused();
    await expect(form.email).toHaveAccessibleDescription("Enter your email address.");

    // Each field takes no more than the server accepts (a name 50 characters, an email 254, a password 128).
    await form.name.fill("n".repeat(51));
    await expect(form.name).toHaveValue("n".repeat(50));
    await expect(form.email).toHaveAttribute("maxlength", "254");
    await expect(form.password).toHaveAttribute("maxlength", "128");
    await form.email.fill("not-an-email");
    await form.password.fill("short");
    await form.password.press("Enter");
    await expect(form.email).toHaveAccessibleDescription(/name@example\.com/);
    await expect(form.password).toHaveAccessibleDescription(/at least 8 characters/);
    await expect(page).toHaveURL(/\/register$/);

    // The server's own refusal lands next to its field too: an email that already has an account.
    const { person: taken } = await openChat("Taken");
    await form.fillRegistration({ ...newPerson("Copycat"), email: taken.email });
    await form.registerButton.click();
    await expect(form.email).toHaveAccessibleDescription(/already exists/);
    await expect(form.email).toBeFocused();
  });
});
