import type { BrowserContext, Page } from "@playwright/test";

/** A Content-Security-Policy violation as the browser reported it to the page. */
export interface Violation {
  directive: string;
  blocked: string;
}

/** What a page saw of injected script: dialogs opened, the flag the XSS payloads set, CSP violations reported. */
export interface Sprung {
  dialogs: string[];
  flag: unknown;
  violations: Violation[];
}

declare global {
  interface Window {
    /** Set by any XSS payload that manages to run (`top.__xss = …`). */
    __xss?: unknown;
    __cspViolations?: Violation[];
  }
}

/**
 * Arms every page of `context` before its scripts run: the page keeps each CSP violation it is told of. Call
 * `watch` on a page of it to read them, with the dialogs and the payloads' flag.
 */
export async function armTripwires(context: BrowserContext) {
  await context.addInitScript(() => {
    const violations: Violation[] = [];
    Object.defineProperty(window, "__cspViolations", { value: violations });
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
}

/** Starts recording `page`'s dialogs (dismissing them); resolves with a function that reads everything sprung. */
export function watch(page: Page): () => Promise<Sprung> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return async () => ({
    dialogs: [...dialogs],
    ...(await page.evaluate(() => ({ flag: window.__xss, violations: [...(window.__cspViolations ?? [])] }))),
  });
}

export const NOTHING_SPRUNG: Sprung = { dialogs: [], flag: undefined, violations: [] };
