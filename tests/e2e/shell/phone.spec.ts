import { expect, test, type AppUnderTest } from "../../support/app-fixture";
import { AuthForm, register } from "../../support/auth";
import { ChatPage, enterChat } from "../../support/chat-page";
import { newPerson, runTag } from "../../support/people";
import { ROOM_URL, RoomsPanel } from "../../support/rooms";
import type { Locator, Page } from "@playwright/test";

/** An iPhone 12–15 screen; `isMobile` makes Chromium honour the page's viewport meta tag as a phone does. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * The side panels a stage has, by the feature that brings them: on a phone each sits in a drawer that a header
 * button opens, on a desktop it is always shown.
 */
const PANELS = [
  {
    feature: "auth",
    toggle: "People",
    landmark: (page: Page) => page.getByRole("complementary", { name: "Online now" }),
  },
  { feature: "rooms", toggle: "Rooms", landmark: (page: Page) => new RoomsPanel(page).nav },
];

function panelsOf(app: AppUnderTest) {
  return PANELS.filter((panel) => app.features.has(panel.feature));
}

/** Opens the chat as a new person on `page`; in the template, which has no server behind it, just the page. */
async function openChatOn(page: Page, app: AppUnderTest): Promise<ChatPage> {
  if (app.features.has("chat")) return enterChat(page, app, "Pocket");
  if (app.features.has("auth")) await register(page, newPerson("Pocket"));
  else await page.goto("/");
  return new ChatPage(page, newPerson("Pocket"));
}

/** The page is no wider than the screen: nothing hides past the right edge, nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "document width").toBeLessThanOrEqual(width);
}

async function expectFocusInside(container: Locator) {
  expect(await container.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

test.describe("shell: on a phone", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("the chat fits the screen: no sideways scroll, header, message box and Send all on screen", async ({
    page,
    app,
  }) => {
    const chat = await openChatOn(page, app);
    await expect(chat.log).toBeVisible();
    await expectNoSidewaysScroll(page, PHONE.width);
    await expect(chat.sendButton).toBeInViewport({ ratio: 1 });
    await expect(chat.input).toBeInViewport({ ratio: 1 });
    await expect(chat.badge).toBeInViewport({ ratio: 1 });
    if (app.features.has("auth"))
      await expect(page.getByRole("button", { name: "Log out", exact: true })).toBeInViewport({ ratio: 1 });
  });

  test("a message can be sent with the Send button, and a long word or link wraps inside the screen", async ({
    page,
    app,
  }) => {
    test.skip(!app.features.has("chat"), "the template has no server to send to");
    const chat = await openChatOn(page, app);
    const tag = runTag();
    const longLink = `https://example.test/${tag}/${"averyveryverylongpathsegment".repeat(8)}`;
    await chat.input.fill(longLink);
    await chat.sendButton.tap();
    const message = chat.messages().filter({ hasText: tag });
    await expect(message).toHaveAttribute("data-delivery", "sent");

    await expect(message).toBeInViewport({ ratio: 1 });
    const box = await message.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    const logOverflow = await chat.log.evaluate((log) => log.scrollWidth - log.clientWidth);
    expect(logOverflow, "the message log scrolls sideways").toBeLessThanOrEqual(0);
    await expectNoSidewaysScroll(page, PHONE.width);
  });

  test("each side panel is in a drawer that opens and closes by keyboard, focus going in and coming back", async ({
    page,
    app,
  }) => {
    const panels = panelsOf(app);
    test.skip(panels.length === 0, "no side panels before step 02 (the people list)");
    await openChatOn(page, app);

    for (const panel of panels) {
      const toggle = page.getByRole("button", { name: panel.toggle, exact: true });
      const drawer = page.getByRole("dialog", { name: panel.toggle });
      await expect(toggle).toBeInViewport({ ratio: 1 });
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await expect(panel.landmark(page)).toBeHidden();

      // Opens with Enter: the drawer is the element the button controls, and the keyboard moves into it.
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect(drawer).toBeVisible();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(toggle).toHaveAttribute("aria-controls", (await drawer.getAttribute("id")) ?? "");
      await expect(drawer).toHaveAttribute("aria-modal", "true");
      await expect(panel.landmark(page)).toBeInViewport();
      await expectFocusInside(drawer);
      await expectNoSidewaysScroll(page, PHONE.width);

      // Tab and Shift+Tab stay inside while it is open.
      await page.keyboard.press("Shift+Tab");
      await expectFocusInside(drawer);
      for (let step = 0; step < 12; step++) {
        await page.keyboard.press("Tab");
        await expectFocusInside(drawer);
      }

      // Escape closes it and gives the keyboard back to the button.
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();
      await expect(toggle).toBeFocused();
      await expect(toggle).toHaveAttribute("aria-expanded", "false");

      // So does its close button (Space on the toggle opens it too).
      await page.keyboard.press("Space");
      await expect(drawer).toBeVisible();
      const close = drawer.getByRole("button", { name: "Close", exact: true });
      await close.focus();
      await page.keyboard.press("Enter");
      await expect(drawer).toBeHidden();
      await expect(toggle).toBeFocused();
    }
  });

  test("a room chosen or created in the drawer opens, the drawer closes; the Rooms button tells of unread messages", async ({
    page,
    app,
    openChat,
  }) => {
    test.skip(!app.features.has("rooms"), "rooms arrive in step 03");
    const chat = await openChatOn(page, app);
    const rooms = new RoomsPanel(page);
    const toggle = page.getByRole("button", { name: "Rooms", exact: true });
    const drawer = page.getByRole("dialog", { name: "Rooms" });

    await toggle.tap();
    const name = `pocket ${runTag()}`;
    await drawer.getByLabel("Room name", { exact: true }).fill(name);
    await drawer.getByRole("button", { name: "Create room", exact: true }).tap();
    await expect(rooms.heading(name)).toBeVisible();
    await expect(page).toHaveURL(ROOM_URL);
    await expect(drawer).toBeHidden();
    await expect(chat.input).toBeEnabled();
    await expect(chat.sendButton).toBeInViewport({ ratio: 1 });

    // Someone writes in general while this person is in their new room: the list is out of sight, the button says so.
    await expect(toggle).toHaveAttribute("title", "Rooms");
    const other = await openChat("Desk");
    await other.sendAndConfirm(`${runTag()} news in general`);
    await expect(toggle).toHaveAttribute("title", "Rooms: 1 unread");

    await toggle.tap();
    await rooms.link("general").tap();
    await expect(drawer).toBeHidden();
    await expect(rooms.heading("general")).toBeVisible();
    await expect(toggle).toHaveAttribute("title", "Rooms");
    await expectNoSidewaysScroll(page, PHONE.width);
  });

  test("the log-in and registration pages fit the screen", async ({ page, app }) => {
    test.skip(!app.features.has("auth"), "accounts arrive in step 02");
    const form = new AuthForm(page);
    await page.goto("/register");
    await expect(form.registerButton).toBeInViewport({ ratio: 1 });
    await expect(form.name).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page, PHONE.width);
    await page.goto("/login");
    await expect(form.logInButton).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page, PHONE.width);
  });
});

test.describe("shell: on a desktop", () => {
  test.use({ viewport: DESKTOP });

  test("the side panels are shown beside the messages, with no drawer buttons", async ({ page, app }) => {
    const chat = await openChatOn(page, app);
    await expect(chat.log).toBeVisible();
    await expect(chat.sendButton).toBeInViewport({ ratio: 1 });
    for (const panel of panelsOf(app)) {
      await expect(panel.landmark(page)).toBeVisible();
      await expect(page.getByRole("button", { name: panel.toggle, exact: true })).toBeHidden();
      // Beside the messages, not over them.
      const [panelBox, logBox] = [await panel.landmark(page).boundingBox(), await chat.log.boundingBox()];
      expect(
        panelBox && logBox && (panelBox.x + panelBox.width <= logBox.x || logBox.x + logBox.width <= panelBox.x),
      ).toBe(true);
    }
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expectNoSidewaysScroll(page, DESKTOP.width);
  });
});
