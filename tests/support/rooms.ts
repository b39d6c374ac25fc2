import { expect, type Locator, type Page } from "@playwright/test";

/** A room's URL: /rooms/<id>. */
export const ROOM_URL = /\/rooms\/[^/?#]+$/;

/** The room list and the room forms (feature "rooms"), found by their roles and labels. */
export class RoomsPanel {
  constructor(readonly page: Page) {}

  /** The room list: a navigation landmark named "Rooms". */
  get nav(): Locator {
    return this.page.getByRole("navigation", { name: "Rooms" });
  }
  /** The link to a room in the list, by (part of) its name as shown to this person. */
  link(name: string): Locator {
    return this.nav.getByRole("link", { name });
  }
  /** The list's link to the room that is open, marked aria-current="page". */
  get current(): Locator {
    return this.nav.locator('a[aria-current="page"]');
  }
  /** The open room's name, as the page's second-level heading. */
  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 2, name });
  }
  /** The button in the online list that opens a direct message with someone. */
  directMessageButton(name: string): Locator {
    return this.page.getByRole("button", { name: `Send a direct message to ${name}` });
  }
  get inviteField(): Locator {
    return this.page.getByLabel("Invite by email or name", { exact: true });
  }

  /** Unread messages of a room, as its link's data-unread says. */
  async expectUnread(name: string, count: number) {
    await expect(this.link(name)).toHaveAttribute("data-unread", String(count));
  }

  /** Creates a room with the form and waits until its page is open; resolves with its URL. */
  async create(name: string, kind: "public" | "private"): Promise<string> {
    const before = this.page.url();
    await this.page.getByLabel("Room name", { exact: true }).fill(name);
    const privateBox = this.page.getByLabel("Private room", { exact: true });
    if (kind === "private") await privateBox.check();
    else await privateBox.uncheck();
    await this.page.getByRole("button", { name: "Create room", exact: true }).click();
    await expect(this.page).not.toHaveURL(before);
    await expect(this.page).toHaveURL(ROOM_URL);
    await expect(this.heading(name)).toBeVisible();
    await expect(this.current).toContainText(name);
    return this.page.url();
  }

  /** Opens a room from the list and waits until it is open and can take a message. */
  async open(name: string) {
    await this.link(name).click();
    await expect(this.current).toContainText(name);
    await expect(this.heading(name)).toBeVisible();
    await expect(this.page.getByLabel("Message", { exact: true })).toBeEnabled();
  }

  async invite(who: string) {
    await this.inviteField.fill(who);
    await this.page.getByRole("button", { name: "Invite", exact: true }).click();
  }
}
