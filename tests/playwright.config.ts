import { defineConfig } from "@playwright/test";

// Debian's Chromium by default (the workshop never downloads a browser). Set CHROMIUM_PATH to another binary, or
// to an empty string to use a browser installed by `npx playwright install`.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The second reporter prints why each skipped check was skipped, which the list reporter leaves out.
  reporter: [["list"], ["./support/skip-reasons-reporter.ts"]],
  forbidOnly: Boolean(process.env.CI),
  use: {
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
