import { expect, type Locator, type Page } from "@playwright/test";
import type { Person } from "./people";

/** The log-in and registration forms, found by their labels and button names. */
export class AuthForm {
  constructor(readonly page: Page) {}

  get name(): Locator {
    return this.page.getByLabel("Name", { exact: true });
  }
  get email(): Locator {
    return this.page.getByLabel("Email", { exact: true });
  }
  get password(): Locator {
    return this.page.getByLabel("Password", { exact: true });
  }
  get registerButton(): Locator {
    return this.page.getByRole("button", { name: "Create account", exact: true });
  }
  get logInButton(): Locator {
    return this.page.getByRole("button", { name: "Log in", exact: true });
  }
  /** The message for the whole form, e.g. a wrong password (Next's route announcer, outside main, is an alert too). */
  get formError(): Locator {
    return this.page.getByRole("main").getByRole("alert");
  }

  async fillRegistration(person: Person) {
    await this.name.fill(person.name);
    await this.email.fill(person.email);
    await this.password.fill(person.password);
  }
}

/** From now on, `page` reaches the app from `person`'s own address (see Person.address). */
export async function comeFrom(page: Page, person: Person) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": person.address });
}

/** Registers `person` through the registration page and waits until the chat has opened for them. */
export async function register(page: Page, person: Person) {
  await comeFrom(page, person);
  await page.goto("/register");
  const form = new AuthForm(page);
  await form.fillRegistration(person);
  await form.registerButton.click();
  await expectSignedIn(page, person);
}

/** Logs `person` in through the log-in page (typing, then Enter) and waits until the chat has opened. */
export async function logIn(page: Page, person: Person) {
  await comeFrom(page, person);
  await page.goto("/login");
  const form = new AuthForm(page);
  await form.email.fill(person.email);
  await form.password.fill(person.password);
  await form.password.press("Enter");
  await expectSignedIn(page, person);
}

/** The chat is open and says who is signed in: at `/`, or from step 03 (rooms) on, in a room at `/rooms/<id>`. */
export async function expectSignedIn(page: Page, person: Person) {
  await expect(page).toHaveURL(/\/(rooms\/[^/?#]+)?$/);
  await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
}

export function logOutButton(page: Page): Locator {
  return page.getByRole("button", { name: "Log out", exact: true });
}

/** The list of people online, by its accessible name. */
export function onlineUsers(page: Page): Locator {
  return page.getByRole("list", { name: "Online users" });
}
