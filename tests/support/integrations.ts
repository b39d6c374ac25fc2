import { createHmac, randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

/** A room's integrations in its settings (feature "integrations"), found by their roles and labels. */
export class IntegrationsPanel {
  constructor(readonly page: Page) {}

  /** The room header's button that opens the settings. */
  get toggle(): Locator {
    return this.page.getByRole("button", { name: "Integrations", exact: true });
  }
  /** The settings: a modal dialog named "Integrations". */
  get panel(): Locator {
    return this.page.getByRole("dialog", { name: "Integrations" });
  }
  /** The listed integrations, one item each. */
  get items(): Locator {
    return this.panel.getByRole("listitem");
  }

  async open() {
    await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  /** Closes the settings (a modal dialog: the room behind it takes no input while it is open). */
  async close() {
    await this.panel.getByRole("button", { name: "Close", exact: true }).click();
    await expect(this.panel).toBeHidden();
  }

  /** Connects the room to an outgoing `kind` at `url`; waits until it is listed. */
  async connect(kind: "slack" | "discord" | "webhook", url: string) {
    const before = await this.items.count();
    await this.panel.getByLabel("Connect to").selectOption(kind);
    await this.panel.getByLabel("Webhook URL").fill(url);
    await this.panel.getByRole("button", { name: "Connect", exact: true }).click();
    await expect(this.items).toHaveCount(before + 1);
  }

  /** Creates an incoming webhook; resolves with the URL and the secret it shows this once. */
  async createIncoming(): Promise<{ url: string; secret: string }> {
    await this.panel.getByLabel("Connect to").selectOption("incoming");
    await this.panel.getByRole("button", { name: "Create incoming webhook" }).click();
    const shown = this.panel.getByRole("status", { name: "New secret" });
    await expect(shown).toBeVisible();
    const url = await shown.locator('[data-part="hook-url"]').innerText();
    const secret = await shown.locator('[data-part="secret"]').innerText();
    return { url, secret };
  }
}

/** POSTs `body` to an incoming webhook as a bot does: signed in the Standard Webhooks format. */
export function postAsBot(url: string, secret: string, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  const id = `evt_${randomUUID()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${raw}`).digest("base64");
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": `v1,${signature}`,
    },
    body: raw,
  });
}
