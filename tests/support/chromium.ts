// The browser the shared tests and the docs' screenshots use: Debian's Chromium by default (the workshop never
// downloads a browser). Set CHROMIUM_PATH to another binary, or to an empty string to use a browser installed by
// `npx playwright install`.
import type { LaunchOptions } from "@playwright/test";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
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
};
