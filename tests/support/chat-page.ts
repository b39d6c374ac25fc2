import { expect, type Locator, type Page } from "@playwright/test";
import type { AppUnderTest } from "./app-fixture";
import { register } from "./auth";
import { newPerson, type Person } from "./people";

/** The chat as a person sees it: found by roles and labels, the way assistive technology finds it. */
export class ChatPage {
  constructor(
    readonly page: Page,
    readonly person: Person,
  ) {}

  get log(): Locator {
    return this.page.getByRole("log", { name: "Messages" });
  }
  get input(): Locator {
    return this.page.getByLabel("Message", { exact: true });
  }
  get sendButton(): Locator {
    return this.page.getByRole("button", { name: "Send", exact: true });
  }
  get badge(): Locator {
    return this.page.getByRole("status", { name: /^Connection:/ });
  }
  get onlineCount(): Locator {
    return this.page.getByLabel("People online");
  }
  messages(): Locator {
    return this.log.locator('[data-kind="message"]');
  }
  notices(): Locator {
    return this.log.locator('[data-kind="notice"]');
  }
  /** The texts of the messages that contain `tag`, in the order shown. */
  async textsTagged(tag: string): Promise<string[]> {
    const texts = await this.messages().locator('[data-part="text"]').allInnerTexts();
    return texts.filter((text) => text.includes(tag));
  }

  async send(text: string) {
    await this.input.fill(text);
    await this.input.press("Enter");
  }

  /** Sends and waits until the server has acknowledged it (the message is no longer pending). */
  async sendAndConfirm(text: string) {
    await this.send(text);
    await expect(this.messages().filter({ hasText: text })).toHaveAttribute("data-delivery", "sent");
  }

  /**
   * Sends markdown, whose rendering is not its source, and waits until the server has acknowledged it: this
   * person's next message (data-mine, from step 02 on) is no longer pending.
   */
  async sendMarkdownAndConfirm(text: string) {
    const mine = this.messages().and(this.page.locator('[data-mine="true"]'));
    const before = await mine.count();
    await this.send(text);
    await expect(mine.nth(before)).toHaveAttribute("data-delivery", "sent");
  }

  /**
   * Waits until no presence change has arrived for a moment, so the leftovers of an earlier test (its tabs
   * closing) settle before this one counts notices.
   */
  async settlePresence(quietMs = 750) {
    let previous = "";
    await expect
      .poll(
        async () => {
          const snapshot = `${await this.notices().count()}/${await this.onlineCount.getAttribute("data-online")}`;
          const settled = snapshot === previous;
          previous = snapshot;
          return settled;
        },
        { intervals: [quietMs], timeout: 15_000 },
      )
      .toBe(true);
  }

  async expectConnected() {
    await expect(this.badge).toHaveAttribute("data-status", "connected");
  }
}

/** Brings a new person into the chat on `page`, through whatever the stage requires first. */
export async function enterChat(page: Page, app: AppUnderTest, name: string): Promise<ChatPage> {
  const person = newPerson(name);
  if (app.features.has("auth")) await register(page, person);
  else await page.goto("/");
  const chat = new ChatPage(page, person);
  await chat.expectConnected();
  return chat;
}
