// npm run docs:screenshots [-- --stage 03] [--no-build]
// The chapters' pictures, made from the code rather than by hand: for each step (or the stages named) it builds the
// stage, starts its production server on a free loopback port, brings two people into the chat in Chromium, has
// them talk (in a private room from step 03 on) and saves docs/images/<stage>.png (1000×640) and
// docs/images/<stage>-phone.png (390×760) as the first person sees it.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, expect, type Browser, type Page } from "@playwright/test";
import { comeFrom, register } from "../tests/support/auth";
import { ChatPage } from "../tests/support/chat-page";
import { CHROMIUM_LAUNCH_OPTIONS } from "../tests/support/chromium";
import { startFakeReceiver } from "../tests/support/fake-receiver";
import { freePort } from "../tests/support/free-port";
import { IntegrationsPanel, postAsBot } from "../tests/support/integrations";
import { ManagedServer } from "../tests/support/managed-server";
import type { Person } from "../tests/support/people";
import { RoomsPanel } from "../tests/support/rooms";
import { testServerEnv } from "../tests/support/server-env";
import { banner, run } from "./run";
import { findStage, listStages, REPO_ROOT, type Stage } from "./stages";
import { parseCommandLine } from "./command-line";

const IMAGES_DIR = path.join(REPO_ROOT, "docs", "images");
const DESKTOP = { width: 1000, height: 640 };
const PHONE = { width: 390, height: 760 };

const { values } = parseCommandLine(import.meta.url, {
  options: { stage: { type: "string", multiple: true }, "no-build": { type: "boolean", default: false } },
});

/** The two people of every picture; each run starts with an empty data folder, so the same names always fit. */
const ADA: Person = { name: "Ada", email: "ada@example.test", password: "ada-password-1", address: "10.0.0.1" };
const BOB: Person = { name: "Bob", email: "bob@example.test", password: "bob-password-1", address: "10.0.0.2" };

/** What they say: plain text, or markdown where the stage renders it; nothing before the chat is real-time. */
function conversation(stage: Stage): [Person, string][] {
  if (!stage.features.includes("chat")) return [];
  if (stage.features.includes("rich-text")) {
    return [
      [ADA, "Plans for **Friday**: the _release_ goes out at `17:00`."],
      [BOB, "Checklist:\n- tests green\n- [changelog](https://example.com/changelog) written"],
      [ADA, "Perfect, thanks @Bob!"],
    ];
  }
  if (stage.features.includes("rooms")) {
    return [
      [ADA, "This room is just for the two of us."],
      [BOB, "Nobody else can join it, or even see that it exists?"],
      [ADA, "Exactly: the server checks membership on every message."],
    ];
  }
  if (stage.features.includes("auth")) {
    return [
      [ADA, "Hi Bob! Now we chat under our own names."],
      [BOB, "And the server takes the author from the session, not from us."],
      [ADA, "Mine on the right, yours on the left."],
    ];
  }
  return [
    [ADA, "Hello! Is anybody there?"],
    [BOB, "Hi! Your message arrived in real time."],
    [ADA, "Socket.IO on Next's own server, nice."],
  ];
}

/** Opens the chat for `person` in a browser context of their own: registered where the stage has accounts. */
async function enter(browser: Browser, url: string, stage: Stage, person: Person): Promise<ChatPage> {
  const context = await browser.newContext({ baseURL: url, viewport: DESKTOP, colorScheme: "light" });
  const page = await context.newPage();
  await comeFrom(page, person);
  if (stage.features.includes("auth")) await register(page, person);
  else await page.goto("/");
  const chat = new ChatPage(page, person);
  if (stage.features.includes("chat")) await chat.expectConnected();
  return chat;
}

/** From step 03 on: Ada makes a private room, invites Bob, and something happens in general while they talk. */
async function meetInPrivateRoom(ada: ChatPage, bob: ChatPage) {
  const adaRooms = new RoomsPanel(ada.page);
  await adaRooms.create("Lounge", "public");
  await adaRooms.create("Plans", "private");
  await adaRooms.invite(BOB.email);
  await expect(ada.page.getByText(`${BOB.name} is now a member.`)).toBeVisible();
  await bob.sendAndConfirm("Good morning, everyone!");
  await adaRooms.expectUnread("general", 1);
  await new RoomsPanel(bob.page).open("Plans");
}

/** From step 05 on: Ada connects "Plans" to (a fake) Slack and to a bot, which reports a build; the settings stay open. */
async function connectIntegrations(ada: ChatPage, receiverOrigin: string) {
  const settings = new IntegrationsPanel(ada.page);
  await settings.open();
  await settings.connect("slack", `${receiverOrigin}/slack/services/T024BE7LD/B01HQ9X4N/aBcDeFgHiJkLmNoPqRsTuVwX`);
  const hook = await settings.createIncoming();
  await ada.page.getByRole("button", { name: "Done", exact: true }).click();
  const response = await postAsBot(hook.url, hook.secret, { text: "Build #42 **passed** on `main`", username: "CI" });
  if (!response.ok) throw new Error(`the bot's post was refused: ${response.status}`);
  await expect(ada.messages().filter({ hasText: "Build #42" })).toBeVisible();
}

async function shoot(page: Page, file: string) {
  // No focus ring or hover in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(IMAGES_DIR, file), animations: "disabled" });
  console.log(`  docs/images/${file}`);
}

async function screenshotStage(browser: Browser, stage: Stage) {
  banner(`Screenshots of ${stage.relativeDir}`);
  if (!values["no-build"]) await run("npm", ["run", "build", "--silent"], { cwd: stage.dir });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { ...testServerEnv(port), HOST: "127.0.0.1", BETTER_AUTH_URL: url };
  const receiver = stage.features.includes("integrations") ? await startFakeReceiver() : null;
  if (receiver) env.INTEGRATIONS_TEST_ORIGIN = receiver.origin;
  const server = new ManagedServer(stage.dir, url, env);
  try {
    await server.start();
    const ada = await enter(browser, url, stage, ADA);
    const bob = await enter(browser, url, stage, BOB);
    if (stage.features.includes("rooms")) await meetInPrivateRoom(ada, bob);
    const chats = new Map([
      [ADA, ada],
      [BOB, bob],
    ]);
    const markdown = stage.features.includes("rich-text");
    for (const [person, text] of conversation(stage)) {
      const chat = chats.get(person);
      await (markdown ? chat?.sendMarkdownAndConfirm(text) : chat?.sendAndConfirm(text));
    }
    const [lastAuthor, lastText] = conversation(stage).at(-1) ?? [ADA, ""];
    if (lastAuthor !== ADA) await expect(ada.messages().last()).toContainText(lastText);
    if (receiver) await connectIntegrations(ada, receiver.origin);

    await shoot(ada.page, `${stage.stage}.png`);
    await ada.page.setViewportSize(PHONE);
    // From step 05 on the desktop picture shows the room's settings; the phone, the bot's message behind them.
    if (receiver) await ada.page.getByRole("button", { name: "Close", exact: true }).click();
    await shoot(ada.page, `${stage.stage}-phone.png`);
    await ada.page.context().close();
    await bob.page.context().close();
  } catch (error) {
    throw new Error(`${stage.relativeDir}: ${error instanceof Error ? error.message : String(error)}\n${server.log}`);
  } finally {
    await server.stop();
    await receiver?.close();
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  }
}

async function main() {
  const stages = values.stage
    ? values.stage.map(findStage)
    : listStages().filter((stage) => stage.stage !== "template");
  mkdirSync(IMAGES_DIR, { recursive: true });
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true });
  try {
    for (const stage of stages) await screenshotStage(browser, stage);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
