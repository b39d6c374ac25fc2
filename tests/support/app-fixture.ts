import { rmSync } from "node:fs";
import { test as base, type BrowserContext } from "@playwright/test";
import { enterChat, type ChatPage } from "./chat-page";
import { startFakeReceiver, type FakeReceiver } from "./fake-receiver";
import { ManagedServer } from "./managed-server";
import { testServerEnv } from "./server-env";

/** The chat app under test: a stage's server that the runner started, or any app given by URL (`npm run check`). */
export interface AppUnderTest {
  url: string;
  features: ReadonlySet<string>;
  /** False when checking an app somebody else runs: the tests cannot stop and restart it. */
  canRestart: boolean;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /**
   * Feature "integrations": the fake Slack, Discord and webhook receiver the server sends to, in this process on
   * the loopback. Null when checking an app somebody else runs, which cannot be pointed at it.
   */
  receiver: FakeReceiver | null;
}

function requireEnv(name: string) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm run e2e\` or \`npm run check\`.`);
  return value;
}

interface TestFixtures {
  /**
   * Opens the chat for a new person in a fresh browser context, closed again when the test ends. `prepare` runs on
   * the context before its first page loads (e.g. to add an init script).
   */
  openChat: (name: string, prepare?: (context: BrowserContext) => Promise<void>) => Promise<ChatPage>;
}

export const test = base.extend<TestFixtures, { app: AppUnderTest }>({
  app: [
    async ({}, use) => {
      const features = new Set(requireEnv("CHAT_FEATURES").split(",").filter(Boolean));
      const externalUrl = process.env.CHAT_BASE_URL;
      if (externalUrl) {
        const notRestartable = () => Promise.reject(new Error("cannot restart an app this run did not start"));
        await use({
          url: externalUrl.replace(/\/$/, ""),
          features,
          canRestart: false,
          stop: notRestartable,
          start: notRestartable,
          receiver: null,
        });
        return;
      }

      const port = Number(requireEnv("CHAT_PORT"));
      const url = `http://localhost:${port}`;
      const env = testServerEnv(port);
      // The stage's test configuration: its integrations post to this receiver instead of the internet.
      const receiver = features.has("integrations") ? await startFakeReceiver() : null;
      if (receiver) env.INTEGRATIONS_TEST_ORIGIN = receiver.origin;
      const server = new ManagedServer(requireEnv("CHAT_STAGE_DIR"), url, env);
      try {
        await server.start();
        const restart = { stop: () => server.stop(), start: () => server.start() };
        await use({ url, features, canRestart: true, ...restart, receiver });
      } finally {
        await server.stop();
        await receiver?.close();
        rmSync(env.DATA_DIR, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 60_000 },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url);
  },
  openChat: async ({ browser, app }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name, prepare) => {
      const context = await browser.newContext({ baseURL: app.url });
      contexts.push(context);
      await prepare?.(context);
      return enterChat(await context.newPage(), app, name);
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
